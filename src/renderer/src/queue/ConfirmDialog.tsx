import { useEffect, useRef } from 'react'
import { Dialog } from '../Dialog'

/** Asks before a bulk action, stating exactly how many comments it will touch. */
export function ConfirmDialog({ message, confirmLabel, onConfirm, onCancel }: { message: string; confirmLabel: string; onConfirm(): void; onCancel(): void }) {
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => confirm.current?.focus(), [])
  return (
    <Dialog title={message} role="alertdialog" onClose={onCancel}>
      <p className="muted">One undo (z) reverts all of it.</p>
      <div className="buttons">
        <button onClick={onCancel}>Cancel (Esc)</button>
        <button ref={confirm} className="primary" onClick={onConfirm}>
          {confirmLabel} (Enter)
        </button>
      </div>
    </Dialog>
  )
}
