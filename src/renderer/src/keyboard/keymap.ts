// The key map is data: one table drives the key handlers, the `?` overlay and the buttons' labels and
// tooltips. Commands with no key by default are still listed, to be run from the overlay or bound.
import { QUEUE_LABELS, type QueueId } from '../../../shared/model'

export type Command =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'pageDown'
  | 'pageUp'
  | 'extendDown'
  | 'extendUp'
  | 'toggleSelect'
  | 'selectView'
  | 'selectAllMatching'
  | 'toggleBands'
  | 'selectBand'
  | 'approve'
  | 'remove'
  | 'removeSpam'
  | 'disable'
  | 'enable'
  | 'escalate'
  | 'undo'
  | 'redo'
  | 'detail'
  | 'search'
  | 'filters'
  | 'removeFilter'
  | 'views'
  | 'showArrived'
  | 'sort'
  | 'previousArticle'
  | 'nextArticle'
  | `go:${QueueId}`
  | 'nextQueue'
  | 'help'
  | 'menu'
  | 'import'
  | 'sources'
  | 'exportCsv'
  | 'exportJson'
  | 'reports'
  | 'scoring'
  | 'columns'
  | 'keys'
  | 'clear'

/** One key as keyName() spells it ("j", "ArrowDown", "Ctrl+z", " "), or a sequence of them (["g", "r"]). */
export type KeySpec = string | string[]

export interface Binding {
  command: Command
  keys: KeySpec[]
  label: string
}

const GO_KEYS: [QueueId, string][] = [
  ['review', 'r'],
  ['likely', 'l'],
  ['reported', 'p'],
  ['teach', 't'],
  ['escalated', 'e'],
  ['approved', 'a'],
  ['removed', 'x'],
  ['disabled', 'd'],
  ['conflicts', 'c']
]

export const DEFAULT_KEYMAP: Binding[] = [
  { command: 'next', keys: ['j', 'ArrowDown'], label: 'Next comment' },
  { command: 'previous', keys: ['k', 'ArrowUp'], label: 'Previous comment' },
  { command: 'pageDown', keys: ['PageDown'], label: 'A screenful down' },
  { command: 'pageUp', keys: ['PageUp'], label: 'A screenful up' },
  { command: 'first', keys: ['Home'], label: 'First comment' },
  { command: 'last', keys: ['End'], label: 'Last comment of the view' },
  { command: 'extendDown', keys: ['J', 'Shift+ArrowDown'], label: 'Extend the selection down' },
  { command: 'extendUp', keys: ['K', 'Shift+ArrowUp'], label: 'Extend the selection up' },
  { command: 'toggleSelect', keys: ['x', ' '], label: 'Select or deselect the comment' },
  { command: 'selectView', keys: ['Ctrl+a', 'Meta+a'], label: 'Select every comment loaded in the view' },
  { command: 'selectAllMatching', keys: ['*'], label: 'Select everything in this queue, loaded or not' },
  { command: 'toggleBands', keys: ['h'], label: 'Show or hide the score-band histogram' },
  { command: 'selectBand', keys: ['b'], label: 'Select every comment in the score band, loaded or not' },
  { command: 'approve', keys: ['a'], label: 'Approve' },
  { command: 'remove', keys: ['r'], label: 'Remove — pick a Terms-of-Use clause' },
  { command: 'disable', keys: ['d'], label: 'Disable (hide at our discretion)' },
  { command: 'enable', keys: ['e'], label: 'Re-enable / restore' },
  { command: 'escalate', keys: ['!'], label: 'Escalate for a second opinion, with a note' },
  { command: 'undo', keys: ['z', 'Ctrl+z', 'Meta+z'], label: 'Undo the last decision (again for the one before)' },
  { command: 'redo', keys: ['Z', 'Ctrl+Shift+z', 'Meta+Shift+z'], label: 'Redo what was undone' },
  { command: 'detail', keys: ['Enter', 'o'], label: 'Open or close the detail pane' },
  { command: 'search', keys: ['/'], label: 'Search the comment text' },
  { command: 'filters', keys: ['f'], label: 'Filter by article, author, score, date, source or word list' },
  { command: 'removeFilter', keys: ['Backspace'], label: 'Remove the last filter chip' },
  { command: 'views', keys: ['v'], label: 'Saved views: open, save or delete one' },
  { command: 'showArrived', keys: ['n'], label: 'Show the new comments waiting behind “N new”' },
  { command: 'sort', keys: ['s'], label: 'Next sort order (worst first, newest, oldest, most reported)' },
  { command: 'previousArticle', keys: ['['], label: "Previous article's comments" },
  { command: 'nextArticle', keys: [']'], label: "Next article's comments" },
  ...GO_KEYS.map(([queue, key]): Binding => ({ command: `go:${queue}`, keys: [['g', key]], label: `Go to ${QUEUE_LABELS[queue]}` })),
  { command: 'nextQueue', keys: [], label: 'Go to the next queue' },
  { command: 'removeSpam', keys: [], label: 'Remove as spam (the spam clause, no picker)' },
  { command: 'help', keys: ['?'], label: 'Show this key map' },
  { command: 'menu', keys: ['m'], label: 'More actions (the menu)' },
  { command: 'import', keys: [], label: 'Import comments from a file' },
  { command: 'sources', keys: [], label: 'Sources: WordPress sites, pull and sync' },
  { command: 'exportCsv', keys: [], label: 'Export the decision log as CSV' },
  { command: 'exportJson', keys: [], label: 'Export the decision log as JSON' },
  { command: 'reports', keys: [], label: 'Reports: summaries, DSA statements, audit trails' },
  { command: 'scoring', keys: [], label: 'Scoring: scorers, thresholds, word lists, rules' },
  { command: 'columns', keys: [], label: 'Show, hide and reorder columns' },
  { command: 'keys', keys: [], label: 'Keyboard settings: presets and your own keys' },
  { command: 'clear', keys: ['Escape'], label: 'Close the detail pane, clear the selection, or clear the search' }
]

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
