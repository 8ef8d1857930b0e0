import { useEffect, useRef, useState } from 'react'

/** Asks for a note (an escalation says what the second opinion is for). Enter sends, Esc cancels. */
export function NoteDialog({ title, onSubmit, onCancel }: { title: string; onSubmit(note: string): void; onCancel(): void }) {
  const [note, setNote] = useState('')
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])
  const submit = () => note.trim() && onSubmit(note.trim())
  return (
    <div className="backdrop" onClick={onCancel}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="note-title" onClick={(event) => event.stopPropagation()}>
        <h2 id="note-title">{title}</h2>
        <input
          ref={input}
          className="wide"
          aria-label="Note"
          value={note}
          maxLength={4000}
          placeholder="e.g. legal: names a private person"
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') submit()
            if (event.key === 'Escape') onCancel()
          }}
        />
        <div className="buttons">
          <button onClick={onCancel}>Cancel (Esc)</button>
          <button className="primary" disabled={!note.trim()} onClick={submit}>
            Escalate (Enter)
          </button>
        </div>
      </div>
    </div>
  )
}
