import { describe, expect, it } from 'vitest'
import { commandFor, conflicts, DEFAULT_KEYMAP, keyName, PRESETS, withKeys, type KeyPress } from '../../src/renderer/src/keyboard/keymap'

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

describe('presets', () => {
  it('give WordPress and Coral moderators their keys, with no key bound twice', () => {
    const wordpress = PRESETS.wordpress
    expect(commandFor(wordpress, press('a'))).toBe('approve')
    expect(commandFor(wordpress, press('u'))).toBe('disable')
    expect(commandFor(wordpress, press('s'))).toBe('removeSpam')
    expect(commandFor(wordpress, press('d'))).toBe('remove')
    expect(commandFor(wordpress, press('z'))).toBe('enable')
    expect(commandFor(wordpress, press('z', { ctrlKey: true }))).toBe('undo')
    const coral = PRESETS.coral
    expect(commandFor(coral, press('f'))).toBe('approve')
    expect(commandFor(coral, press('d'))).toBe('remove')
    expect(commandFor(coral, press('t'))).toBe('nextQueue')
    expect(commandFor(coral, press('2'))).toBe('go:likely')
    expect(commandFor(coral, press('j'))).toBe('next')
    for (const keymap of Object.values(PRESETS)) expect(conflicts(keymap)).toEqual([])
  })

  it('refuses a key map where one key means two things', () => {
    const clash = withKeys(DEFAULT_KEYMAP, {}).map((binding) => (binding.command === 'approve' ? { ...binding, keys: ['a', 'j'] } : binding))
    expect(conflicts(clash)).toEqual(['j is bound to both next and approve'])
    const prefix = DEFAULT_KEYMAP.map((binding) => (binding.command === 'approve' ? { ...binding, keys: ['g'] } : binding))
    expect(conflicts(prefix).length).toBeGreaterThan(0)
  })
})
