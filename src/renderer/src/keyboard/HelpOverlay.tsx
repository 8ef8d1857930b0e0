import { Dialog } from '../Dialog'
import { keyLabel, type Binding, type Command } from './keymap'

/** The key map, each command also a button: the mouse path to every key, bound or not. Opens at the top. */
export function HelpOverlay({ keymap, onClose, onRun }: { keymap: Binding[]; onClose: () => void; onRun: (command: Command) => void }) {
  return (
    <Dialog
      title="Keyboard"
      className="help"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === '?') {
          event.preventDefault()
          onClose()
        }
      }}
    >
      <table>
        <tbody>
          {keymap.map((binding) => (
            <tr key={binding.command}>
              <td>
                {binding.keys.map((key) => (
                  <kbd key={keyLabel(key)}>{keyLabel(key)}</kbd>
                ))}
              </td>
              <td>
                <button className="command" onClick={() => onRun(binding.command)}>
                  {binding.label}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Click a command to run it. In the clause picker, a digit picks its clause.</p>
      <div className="buttons">
        <button onClick={onClose}>Close (Esc)</button>
      </div>
    </Dialog>
  )
}
