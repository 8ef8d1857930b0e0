// After a bulk decision: what it did and an Undo button, for a few seconds (z works any time after).
import { useEffect } from 'react'

const SHOWN_MS = 10_000

export function UndoToast({ message, undoKey, onUndo, onDismiss }: { message: string; undoKey: string; onUndo(): void; onDismiss(): void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOWN_MS)
    return () => clearTimeout(timer)
  }, [message, onDismiss])
  return (
    <div className="toast" role="region" aria-label="Bulk decision" aria-live="polite">
      <span>{message}</span>
      <button className="primary" onClick={onUndo} title={`Undo (${undoKey})`}>
        Undo
      </button>
      <button aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
