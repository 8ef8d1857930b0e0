// The key map is data: one table drives both the key handlers and the `?` overlay.

export type Command =
  | 'next'
  | 'previous'
  | 'toggleSelect'
  | 'selectAllMatching'
  | 'approve'
  | 'remove'
  | 'disable'
  | 'enable'
  | 'undo'
  | 'redo'
  | 'detail'
  | 'help'
  | 'clear'

export interface Binding {
  command: Command
  /** Key names as keyName() spells them: "j", "ArrowDown", "Ctrl+z", " " (space). */
  keys: string[]
  label: string
}

export const DEFAULT_KEYMAP: Binding[] = [
  { command: 'next', keys: ['j', 'ArrowDown'], label: 'Next comment' },
  { command: 'previous', keys: ['k', 'ArrowUp'], label: 'Previous comment' },
  { command: 'toggleSelect', keys: ['x', ' '], label: 'Select or deselect the comment' },
  { command: 'selectAllMatching', keys: ['*'], label: 'Select everything in this queue, loaded or not' },
  { command: 'approve', keys: ['a'], label: 'Approve' },
  { command: 'remove', keys: ['r'], label: 'Remove — pick a Terms-of-Use clause' },
  { command: 'disable', keys: ['d'], label: 'Disable (hide at our discretion)' },
  { command: 'enable', keys: ['e'], label: 'Re-enable / restore' },
  { command: 'undo', keys: ['z', 'Ctrl+z', 'Meta+z'], label: 'Undo the last decision (again for the one before)' },
  { command: 'redo', keys: ['Z', 'Ctrl+Shift+z', 'Meta+Shift+z'], label: 'Redo what was undone' },
  { command: 'detail', keys: ['Enter', 'o'], label: 'Open or close the detail pane' },
  { command: 'help', keys: ['?'], label: 'Show this key map' },
  { command: 'clear', keys: ['Escape'], label: 'Close the detail pane, or clear the selection' }
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

export function commandFor(keymap: Binding[], event: KeyPress): Command | undefined {
  const name = keyName(event)
  return keymap.find((binding) => binding.keys.includes(name))?.command
}

/** How a key is shown to people. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = { ' ': 'Space', ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' }
  return names[key] ?? key
}

export function keysFor(keymap: Binding[], command: Command): string {
  return (keymap.find((binding) => binding.command === command)?.keys ?? []).map(keyLabel).join(' / ')
}
