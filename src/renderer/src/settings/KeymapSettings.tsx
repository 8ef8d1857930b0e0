// Key map settings: a preset for moderators coming from WordPress or Coral, and any key rebound.
// A change that would bind one key to two commands is refused, saying which.
import { useState } from 'react'
import type { KeymapSetting } from '../../../shared/settings'
import { Dialog } from '../Dialog'
import { conflicts, keyLabel, keyName, PRESET_NAMES, PRESETS, withKeys, type Binding, type Command, type PresetName } from '../keyboard/keymap'

export function effectiveKeymap(setting: KeymapSetting): Binding[] {
  return withKeys(PRESETS[setting.preset], setting.overrides as Partial<Record<Command, string[]>>)
}

export function KeymapSettings({ setting, onSave, onClose }: { setting: KeymapSetting; onSave(setting: KeymapSetting): void; onClose(): void }) {
  const [draft, setDraft] = useState(setting)
  const [capturing, setCapturing] = useState<Command | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const keymap = effectiveKeymap(draft)

  const bind = (command: Command, key: string) => {
    const clashes = conflicts(keymap.map((binding) => (binding.command === command ? { ...binding, keys: [key] } : binding)))
    if (clashes.length) setProblem(`Refused: ${clashes[0]}.`)
    else {
      setProblem(null)
      setDraft({ ...draft, overrides: { ...draft.overrides, [command]: [key] } })
    }
    setCapturing(null)
  }

  return (
    <Dialog
      title="Keyboard settings"
      className="keymap-settings"
      onClose={onClose}
      onKeyDown={(event) => {
        if (!capturing) return
        event.preventDefault()
        event.stopPropagation()
        if (event.key === 'Escape') setCapturing(null)
        else if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) bind(capturing, keyName(event))
      }}
    >
      <label>
        Preset{' '}
        <select
          value={draft.preset}
          onChange={(event) => {
            setDraft({ preset: event.target.value as PresetName, overrides: {} })
            setProblem(null)
          }}
        >
          {(Object.keys(PRESET_NAMES) as PresetName[]).map((name) => (
            <option key={name} value={name}>
              {PRESET_NAMES[name]}
            </option>
          ))}
        </select>
      </label>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <table>
        <tbody>
          {keymap.map((binding) => (
            <tr key={binding.command}>
              <td>{binding.label}</td>
              <td>
                {binding.keys.map((key) => (
                  <kbd key={keyLabel(key)}>{keyLabel(key)}</kbd>
                ))}
              </td>
              <td>
                <button onClick={() => setCapturing(binding.command)} aria-label={`Change the key for ${binding.label}`}>
                  {capturing === binding.command ? 'Press a key…' : 'Change'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button onClick={onClose}>Cancel</button>
        <button
          className="primary"
          onClick={() => {
            onSave(draft)
            onClose()
          }}
        >
          Save
        </button>
      </div>
    </Dialog>
  )
}
