// The reason picker: a removal always names a Terms-of-Use clause. A digit picks its clause at once;
// typing the start of a clause's name narrows the list, arrows move, Enter confirms, `n` adds a note.
import { useEffect, useRef, useState } from 'react'
import type { Clause } from '../../../shared/model'
import { Dialog } from '../Dialog'

interface ReasonPickerProps {
  clauses: Clause[]
  count: number
  onPick(clause: string, note: string): void
  onCancel(): void
}

/** Clauses with a word of their title or their code starting with what was typed. */
function narrowed(clauses: Clause[], typed: string): Clause[] {
  if (!typed) return clauses
  const wanted = typed.toLowerCase()
  return clauses.filter((clause) => [clause.code, ...clause.title.toLowerCase().split(/[^\p{L}]+/u)].some((word) => word.startsWith(wanted)))
}

export function ReasonPicker({ clauses, count, onPick, onCancel }: ReasonPickerProps) {
  const [highlight, setHighlight] = useState(0)
  const [typed, setTyped] = useState('')
  const [note, setNote] = useState('')
  const list = useRef<HTMLUListElement>(null)
  const noteInput = useRef<HTMLInputElement>(null)
  useEffect(() => list.current?.focus(), [])
  const shown = narrowed(clauses, typed)

  const pick = (clause: Clause | undefined) => clause && onPick(clause.code, note)
  const narrow = (next: string) => {
    setTyped(next)
    setHighlight(0)
  }
  const onKeyDown = (event: React.KeyboardEvent) => {
    const inNote = event.target instanceof HTMLInputElement
    if (event.key === 'Enter') pick(shown[highlight])
    else if (event.key === 'ArrowDown') setHighlight((index) => Math.min(shown.length - 1, index + 1))
    else if (event.key === 'ArrowUp') setHighlight((index) => Math.max(0, index - 1))
    else if (inNote) return
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
      title={`Remove ${count === 1 ? 'this comment' : `${count} comments`}: which clause does it break?`}
      className="picker"
      onClose={onCancel}
      onKeyDown={onKeyDown}
    >
      <p className="muted typed" aria-live="polite">
        {typed ? `Clauses matching “${typed}” (Backspace to edit, Esc to clear)` : 'A digit picks a clause; or type its name; n adds a note.'}
      </p>
      <ul role="listbox" aria-label="Terms-of-Use clauses" tabIndex={0} ref={list} aria-activedescendant={`clause-${shown[highlight]?.code}`}>
        {shown.map((clause, index) => (
          <li
            key={clause.code}
            id={`clause-${clause.code}`}
            role="option"
            aria-selected={index === highlight}
            className={index === highlight ? 'active' : ''}
            onMouseEnter={() => setHighlight(index)}
            onClick={() => pick(clause)}
          >
            <kbd>{clause.key}</kbd>
            <strong>{clause.title}</strong>
            <span className="muted">{clause.description}</span>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No clause matches “{typed}”.</li>}
      </ul>
      <label className="note">
        Note (optional, n)
        <input ref={noteInput} value={note} maxLength={4000} onChange={(event) => setNote(event.target.value)} placeholder="Kept with the decision" />
      </label>
      <div className="buttons">
        <button onClick={onCancel}>Cancel (Esc)</button>
        <button className="primary" disabled={!shown[highlight]} onClick={() => pick(shown[highlight])}>
          Remove (Enter)
        </button>
      </div>
    </Dialog>
  )
}
