// The command table is the one place a command is named: the key map, the buttons and the decisions'
// messages read it.
import { describe, expect, it } from 'vitest'
import { ACTION_BAR, COMMANDS, command, DECISIONS, MENU, TOOLBAR } from '../../src/renderer/src/commands/commands'
import { DEFAULT_KEYMAP } from '../../src/renderer/src/keyboard/keymap'
import { ACTIONS } from '../../src/shared/model'

describe('the command table', () => {
  it('gives every command one entry, and the key map lists each in its order with its label and keys', () => {
    const ids = COMMANDS.map((spec) => spec.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(DEFAULT_KEYMAP).toEqual(COMMANDS.map(({ id, keys, label }) => ({ command: id, keys, label })))
  })

  it('gives every button a label, and places each command at most once', () => {
    const placed = [...ACTION_BAR, ...TOOLBAR, ...MENU.flatMap((group) => group.commands)]
    expect(new Set(placed).size).toBe(placed.length)
    for (const id of placed) expect(command(id).button, id).toBeTruthy()
    expect(ACTION_BAR.every((id) => command(id).needsTarget)).toBe(true)
  })

  it('names every decision: its confirmation, its verb and what was done', () => {
    expect(Object.keys(DECISIONS).sort()).toEqual([...ACTIONS].sort())
    expect(DECISIONS.remove).toMatchObject({ label: 'Remove', verb: 'remove', done: 'Removed' })
    expect(DECISIONS.enable).toMatchObject({ label: 'Re-enable', verb: 're-enable', done: 'Re-enabled' })
    expect(command('remove').button).toBe('Remove…')
  })
})
