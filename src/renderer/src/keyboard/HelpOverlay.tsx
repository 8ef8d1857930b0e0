import { useEffect, useRef } from 'react'
import { keyLabel, type Binding } from './keymap'

export function HelpOverlay({ keymap, onClose }: { keymap: Binding[]; onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null)
  useEffect(() => closeButton.current?.focus(), [])
  return (
    <div className="backdrop" onClick={onClose}>
      <div
        className="dialog help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.preventDefault()
            onClose()
          }
        }}
      >
        <h2 id="help-title">Keyboard</h2>
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
      </div>
    </div>
  )
}
