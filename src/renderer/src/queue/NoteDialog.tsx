import { useEffect, useRef, useState } from 'react'
import { Dialog } from '../Dialog'

/** Asks for a note (an escalation says what the second opinion is for). Enter sends, Esc cancels. */
export function NoteDialog({ title, onSubmit, onCancel }: { title: string; onSubmit(note: string): void; onCancel(): void }) {
  const [note, setNote] = useState('')
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])
  const submit = () => note.trim() && onSubmit(note.trim())
  return (
    <Dialog title={title} onClose={onCancel}>
      <input
        ref={input}
        className="wide"
        aria-label="Note"
        value={note}
        maxLength={4000}
        placeholder="e.g. legal: names a private person"
        onChange={(event) => setNote(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && submit()}
      />
      <div className="buttons">
        <button onClick={onCancel}>Cancel (Esc)</button>
        <button className="primary" disabled={!note.trim()} onClick={submit}>
          Escalate (Enter)
        </button>
      </div>
    </Dialog>
  )
}
