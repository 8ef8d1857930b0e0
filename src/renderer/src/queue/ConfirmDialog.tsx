import { useEffect, useRef } from 'react'

/** Asks before a bulk action, stating exactly how many comments it will touch. */
export function ConfirmDialog({ message, confirmLabel, onConfirm, onCancel }: { message: string; confirmLabel: string; onConfirm(): void; onCancel(): void }) {
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => confirm.current?.focus(), [])
  return (
    <div className="backdrop" onClick={onCancel}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel()
        }}
      >
        <h2 id="confirm-title">{message}</h2>
        <p className="muted">One undo (z) reverts all of it.</p>
        <div className="buttons">
          <button onClick={onCancel}>Cancel (Esc)</button>
          <button ref={confirm} className="primary" onClick={onConfirm}>
            {confirmLabel} (Enter)
          </button>
        </div>
      </div>
    </div>
  )
}
