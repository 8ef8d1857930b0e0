import { useId } from 'react'

interface DialogProps {
  title: React.ReactNode
  className?: string
  role?: 'dialog' | 'alertdialog'
  /** Esc and a click outside call it; leave it out while the dialog must stay (an import under way). */
  onClose?: () => void
  /** Sees each key first; a key it handles (preventDefault) is not taken as Esc-to-close. */
  onKeyDown?: (event: React.KeyboardEvent) => void
  children: React.ReactNode
}

/** A modal dialog: a backdrop, a labelled box, Esc and a click outside to close. */
export function Dialog({ title, className = '', role = 'dialog', onClose, onKeyDown, children }: DialogProps) {
  const titleId = useId()
  return (
    <div className="backdrop" onClick={onClose}>
      <div
        className={`dialog ${className}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          onKeyDown?.(event)
          if (!event.defaultPrevented && event.key === 'Escape') onClose?.()
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  )
}
