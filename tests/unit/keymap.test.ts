import { describe, expect, it } from 'vitest'
import { commandFor, DEFAULT_KEYMAP, keyName, type KeyPress } from '../../src/renderer/src/keyboard/keymap'

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers
})

describe('the key map', () => {
  it('maps the documented keys to their commands', () => {
    const cases: [KeyPress, string][] = [
      [press('j'), 'next'],
      [press('ArrowDown'), 'next'],
      [press('k'), 'previous'],
      [press('ArrowUp'), 'previous'],
      [press('x'), 'toggleSelect'],
      [press(' '), 'toggleSelect'],
      [press('a'), 'approve'],
      [press('r'), 'remove'],
      [press('d'), 'disable'],
      [press('e'), 'enable'],
      [press('z'), 'undo'],
      [press('z', { ctrlKey: true }), 'undo'],
      [press('Z', { shiftKey: true }), 'redo'],
      [press('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
      [press('Z', { metaKey: true, shiftKey: true }), 'redo'],
      [press('?', { shiftKey: true }), 'help'],
      [press('Escape'), 'clear']
    ]
    for (const [event, command] of cases) expect(commandFor(DEFAULT_KEYMAP, event) ?? 'none').toBe(command)
  })

  it('names modified keys so that a plain key never fires for its Ctrl or Alt chord', () => {
    expect(keyName(press('a', { ctrlKey: true }))).toBe('Ctrl+a')
    expect(commandFor(DEFAULT_KEYMAP, press('a', { altKey: true }))).toBeUndefined()
    expect(keyName(press('ArrowDown', { shiftKey: true }))).toBe('Shift+ArrowDown')
    expect(keyName(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+z')
  })

  it('binds no key twice', () => {
    const keys = DEFAULT_KEYMAP.flatMap((binding) => binding.keys)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
