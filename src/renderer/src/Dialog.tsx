// Every dialog is the browser's own modal <dialog>, opened with showModal(): it takes the focus, makes
// the page behind it inert, and turns Esc into a close request wherever the focus is. focus-trap keeps
// Tab cycling inside it (the browser would let Tab leave for its own address bar). When it closes, the
// focus goes back to where it was, or to the queue's grid.
import { createFocusTrap } from 'focus-trap'
import { useId, useLayoutEffect, useRef } from 'react'

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

export function Dialog({ title, className = '', role = 'dialog', onClose, onKeyDown, children }: DialogProps) {
  const titleId = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const latestClose = useRef(onClose)
  latestClose.current = onClose

  useLayoutEffect(() => {
    const element = dialog.current!
    element.showModal()
    element.scrollTop = 0
    const trap = createFocusTrap(element, {
      initialFocus: false, // showModal() already focused the first control, or the one marked autofocus
      fallbackFocus: element,
      escapeDeactivates: false, // Esc is the dialog's own
      allowOutsideClick: true, // a click on the backdrop closes the dialog, below
      returnFocusOnDeactivate: false // close() does that
    }).activate()
    const onCancel = (event: Event) => {
      event.preventDefault()
      latestClose.current?.()
    }
    // A dialog that must stay (onClose left out) reopens if the browser closes it anyway (a second Esc).
    const onClosed = () => element.isConnected && element.showModal()
    element.addEventListener('cancel', onCancel)
    element.addEventListener('close', onClosed)
    return () => {
      element.removeEventListener('cancel', onCancel)
      element.removeEventListener('close', onClosed)
      trap.deactivate()
      // close() gives the focus back to what had it before; when that is gone, the grid takes it.
      element.close()
      if (document.activeElement === document.body || element.contains(document.activeElement)) {
        document.querySelector<HTMLElement>('[role=grid]')?.focus()
      }
    }
  }, [])

  return (
    <dialog
      ref={dialog}
      tabIndex={-1}
      className={`dialog ${className}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      // A click on the dialog element itself, not on its content, is a click on the backdrop.
      onClick={(event) => event.target === event.currentTarget && onClose?.()}
      onKeyDown={(event) => {
        onKeyDown?.(event)
        if (event.key !== 'Escape') return
        const handled = event.defaultPrevented
        // Esc is ours to handle: the browser's own close request would close the dialog behind React's back.
        event.preventDefault()
        if (!handled) onClose?.()
      }}
    >
      <div className="dialog-body">
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </dialog>
  )
}
