// The key map is data: the command table (../commands/commands.ts) gives each command its label and Sieve's
// own keys; presets and the person's own keys change the keys. It drives the key handlers, the `?` overlay
// and the buttons' tooltips. Commands with no key by default are still listed, to be run from the overlay or bound.
import { COMMANDS, type Command, type KeySpec } from '../commands/commands'

export type { Command, KeySpec }

export interface Binding {
  command: Command
  keys: KeySpec[]
  label: string
}

export const DEFAULT_KEYMAP: Binding[] = COMMANDS.map(({ id, keys, label }) => ({ command: id, keys, label }))

/** The parts of a KeyboardEvent the key map reads. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** How a key press is named in the key map. */
export function keyName(event: KeyPress): string {
  const modifiers = [event.ctrlKey && 'Ctrl', event.metaKey && 'Meta', event.altKey && 'Alt'].filter(Boolean)
  // A printable key already carries Shift in its character ("?", "Z"); named keys and chords spell it out.
  if (event.shiftKey && (event.key.length > 1 || modifiers.length > 0)) modifiers.push('Shift')
  const key = modifiers.length && event.key.length === 1 ? event.key.toLowerCase() : event.key
  return [...modifiers, key].join('+')
}

const strokes = (spec: KeySpec) => (Array.isArray(spec) ? spec : [spec])

/** What the keys pressed so far mean: a command, the start of a sequence, or nothing. */
export function match(keymap: Binding[], pressed: string[]): Command | 'prefix' | undefined {
  let prefix = false
  for (const binding of keymap) {
    for (const spec of binding.keys) {
      const keys = strokes(spec)
      if (keys.length === pressed.length && keys.every((key, i) => key === pressed[i])) return binding.command
      if (keys.length > pressed.length && pressed.every((key, i) => key === keys[i])) prefix = true
    }
  }
  return prefix ? 'prefix' : undefined
}

export function commandFor(keymap: Binding[], event: KeyPress): Command | undefined {
  const found = match(keymap, [keyName(event)])
  return found === 'prefix' ? undefined : found
}

/** How a key is shown to people. */
export function keyLabel(spec: KeySpec): string {
  const names: Record<string, string> = { ' ': 'Space', ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc', PageDown: 'Page Down', PageUp: 'Page Up' }
  return strokes(spec)
    .map((key) => key.replace(/ArrowDown|ArrowUp|Escape|PageDown|PageUp|^ $/, (name) => names[name]))
    .join(' then ')
}

export function keysFor(keymap: Binding[], command: Command): string {
  return (keymap.find((binding) => binding.command === command)?.keys ?? []).map(keyLabel).join(' / ')
}

/** Two bindings that claim the same keys, or where one's keys start the other's sequence: refused. */
export function conflicts(keymap: Binding[]): string[] {
  const all = keymap.flatMap((binding) => binding.keys.map((spec) => ({ command: binding.command, keys: strokes(spec) })))
  const found: string[] = []
  all.forEach((a, i) =>
    all.slice(i + 1).forEach((b) => {
      const shorter = a.keys.length <= b.keys.length ? a : b
      const longer = shorter === a ? b : a
      if (shorter.keys.every((key, k) => key === longer.keys[k])) {
        found.push(`${keyLabel(shorter.keys)} is bound to both ${a.command} and ${b.command}`)
      }
    })
  )
  return found
}

/** A key map with some commands' keys replaced; the keys they take are taken from every other command. */
export function withKeys(base: Binding[], keys: Partial<Record<Command, KeySpec[]>>): Binding[] {
  const taken = new Set(Object.values(keys).flat().map(keyLabel))
  return base.map((binding) => {
    const own = keys[binding.command]
    return own ? { ...binding, keys: own } : { ...binding, keys: binding.keys.filter((spec) => !taken.has(keyLabel(spec))) }
  })
}

export const PRESET_NAMES = { sieve: 'Sieve', wordpress: 'WordPress', coral: 'Coral' } as const
export type PresetName = keyof typeof PRESET_NAMES

/** Key maps for moderators coming from WordPress's comment screen and from Coral, so their fingers keep working. */
export const PRESETS: Record<PresetName, Binding[]> = {
  sieve: DEFAULT_KEYMAP,
  wordpress: withKeys(DEFAULT_KEYMAP, {
    approve: ['a'],
    disable: ['u'], // unapprove: back to held, hidden
    removeSpam: ['s'],
    remove: ['d', 'r'], // trash, naming a clause
    enable: ['z', 'e'], // restore
    undo: ['Ctrl+z', 'Meta+z'],
    sort: ['S']
  }),
  coral: withKeys(DEFAULT_KEYMAP, {
    approve: ['f', 'a'],
    remove: ['d', 'r'], // reject, naming a clause
    disable: ['D'],
    nextQueue: ['t'],
    filters: ['F'],
    ...Object.fromEntries(
      (['review', 'likely', 'reported', 'escalated', 'approved', 'removed', 'disabled', 'all'] as const).map((queue, i) => [
        `go:${queue}`,
        [String(i + 1)]
      ])
    )
  })
}
