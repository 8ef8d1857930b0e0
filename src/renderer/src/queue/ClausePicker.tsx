// The clause picker: a removal always names a Terms-of-Use clause, and only one the moderator chose.
// A digit picks its clause at once; typing the start of a clause's name narrows the list and highlights
// the first match; arrows move; Enter removes under the highlighted clause. It opens on the clause Sieve
// suggests (learned from this newsroom's removals), highlighted and in view; with no suggestion nothing
// is highlighted until the moderator says so. `n` writes a note, Enter there goes back to the clauses.
// The comment being removed is quoted at the top, so the picker never hides it.
import { useEffect, useRef, useState } from 'react'
import type { Clause, CommentRow } from '../../../shared/model'
import { Dialog } from '../Dialog'

interface ClausePickerProps {
  clauses: Clause[]
  count: number
  /** The comments being removed, when they are loaded (the first few are quoted). */
  comments: CommentRow[]
  /** The clause a removal of these comments would most likely cite: highlighted when the picker opens. */
  suggested?: string | null
  onPick(clause: string, note: string): void
  onCancel(): void
}

const QUOTED = 3

/** The clause suggested for every one of `comments`, if they agree (a mixed selection gets no suggestion). */
export function sharedSuggestion(comments: readonly CommentRow[]): string | null {
  const first = comments[0]?.suggestedClause ?? null
  return comments.every((comment) => comment.suggestedClause === first) ? first : null
}

/** Clauses with a word of their title or their code starting with what was typed. */
function narrowed(clauses: Clause[], typed: string): Clause[] {
  if (!typed) return clauses
  const wanted = typed.toLowerCase()
  return clauses.filter((clause) => [clause.code, ...clause.title.toLowerCase().split(/[^\p{L}]+/u)].some((word) => word.startsWith(wanted)))
}

export function ClausePicker({ clauses, count, comments, suggested = null, onPick, onCancel }: ClausePickerProps) {
  const [highlight, setHighlight] = useState<number | null>(() => {
    const index = clauses.findIndex((clause) => clause.code === suggested)
    return index < 0 ? null : index
  })
  const [typed, setTyped] = useState('')
  const [note, setNote] = useState('')
  const [hint, setHint] = useState<string | null>(null)
  const list = useRef<HTMLUListElement>(null)
  const noteInput = useRef<HTMLInputElement>(null)
  const shown = narrowed(clauses, typed)
  const chosen = highlight === null ? undefined : shown[highlight]
  useEffect(() => list.current?.focus(), [])
  useEffect(() => {
    if (chosen) document.getElementById(`clause-${chosen.code}`)?.scrollIntoView({ block: 'nearest' })
  }, [chosen])

  const pick = (clause: Clause | undefined) => {
    if (clause) onPick(clause.code, note)
    else setHint('Pick a clause first: its digit, the start of its name, or ↓.')
  }
  const narrow = (next: string) => {
    setTyped(next)
    setHighlight(next && narrowed(clauses, next).length ? 0 : null)
  }
  const move = (by: number) => {
    setHint(null)
    setHighlight((index) => (index === null ? (by > 0 ? 0 : shown.length - 1) : Math.max(0, Math.min(shown.length - 1, index + by))))
  }
  const onKeyDown = (event: React.KeyboardEvent) => {
    const inNote = event.target === noteInput.current
    if (inNote && event.key === 'Enter') list.current?.focus()
    else if (event.key === 'ArrowDown') move(1)
    else if (event.key === 'ArrowUp') move(-1)
    else if (inNote) return
    else if (event.key === 'Enter') pick(chosen)
    else if (/^[0-9]$/.test(event.key)) pick(clauses.find((clause) => clause.key === event.key))
    else if (event.key === 'n') noteInput.current?.focus()
    else if (event.key === 'Backspace') narrow(typed.slice(0, -1))
    else if (event.key === 'Escape' && typed) narrow('')
    else if (/^\p{L}$/u.test(event.key) && !event.ctrlKey && !event.metaKey) narrow(typed + event.key)
    else return
    event.preventDefault()
    event.stopPropagation()
  }

  return (
    <Dialog
      title={`Remove ${count === 1 ? 'this comment' : `${count.toLocaleString()} comments`}: which clause does it break?`}
      className="picker"
      onClose={onCancel}
      onKeyDown={onKeyDown}
    >
      {comments.length > 0 && (
        <ul className="quoted" aria-label={count === 1 ? 'The comment' : 'The first of the comments'}>
          {comments.slice(0, QUOTED).map((comment) => (
            <li key={comment.key}>
              <span className="quoted-text">{comment.text}</span>
              <span className="muted"> — {comment.authorName ?? 'Anonymous'}</span>
            </li>
          ))}
          {count > QUOTED && <li className="muted">and {(count - QUOTED).toLocaleString()} more</li>}
        </ul>
      )}
      <p className="muted typed" aria-live="polite">
        {typed ? `Clauses matching “${typed}” (Backspace to edit, Esc to clear)` : 'A digit picks a clause; or type its name, or ↓; n adds a note.'}
      </p>
      <ul
        role="listbox"
        aria-label="Terms-of-Use clauses"
        tabIndex={0}
        ref={list}
        aria-activedescendant={chosen ? `clause-${chosen.code}` : undefined}
      >
        {shown.map((clause, index) => (
          <li
            key={clause.code}
            id={`clause-${clause.code}`}
            role="option"
            aria-selected={index === highlight}
            className={index === highlight ? 'active' : ''}
            onClick={() => pick(clause)}
          >
            <kbd>{clause.key}</kbd>
            <strong>{clause.title}</strong>
            {clause.code === suggested && <span className="badge suggested">suggested</span>}
            <span className="muted">{clause.description}</span>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No clause matches “{typed}”.</li>}
      </ul>
      <label className="note">
        Note (optional, n; Enter goes back to the clauses)
        <input ref={noteInput} value={note} maxLength={4000} onChange={(event) => setNote(event.target.value)} placeholder="Kept with the decision" />
      </label>
      {hint && (
        <p className="problem" role="alert">
          {hint}
        </p>
      )}
      <div className="buttons">
        <button onClick={onCancel}>Cancel (Esc)</button>
        <button className="primary" disabled={!chosen} onClick={() => pick(chosen)}>
          {chosen ? `Remove under “${chosen.title}” (Enter)` : 'Remove: pick a clause'}
        </button>
      </div>
    </Dialog>
  )
}
