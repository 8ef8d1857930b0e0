import { useEffect, useRef } from 'react'
import { Dialog } from '../Dialog'
import { keyLabel, type Binding } from './keymap'

export function HelpOverlay({ keymap, onClose }: { keymap: Binding[]; onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null)
  useEffect(() => closeButton.current?.focus(), [])
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
              <td>{binding.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">In the reason picker, a digit picks its clause.</p>
      <button ref={closeButton} onClick={onClose}>
        Close
      </button>
    </Dialog>
  )
}
