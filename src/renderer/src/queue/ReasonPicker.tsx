// The reason picker: a removal always names a Terms-of-Use clause. A digit picks its clause at once;
// arrows and Enter work too, and an optional note goes with the decision.
import { useEffect, useRef, useState } from 'react'
import type { Clause } from '../../../shared/model'
import { Dialog } from '../Dialog'

interface ReasonPickerProps {
  clauses: Clause[]
  count: number
  onPick(clause: string, note: string): void
  onCancel(): void
}

export function ReasonPicker({ clauses, count, onPick, onCancel }: ReasonPickerProps) {
  const [highlight, setHighlight] = useState(0)
  const [note, setNote] = useState('')
  const list = useRef<HTMLUListElement>(null)
  useEffect(() => list.current?.focus(), [])

  const pick = (clause: Clause | undefined) => clause && onPick(clause.code, note)
  const onKeyDown = (event: React.KeyboardEvent) => {
    const inNote = event.target instanceof HTMLInputElement
    if (event.key === 'Enter') pick(clauses[highlight])
    else if (event.key === 'ArrowDown') setHighlight((index) => Math.min(clauses.length - 1, index + 1))
    else if (event.key === 'ArrowUp') setHighlight((index) => Math.max(0, index - 1))
    else if (!inNote && /^[0-9]$/.test(event.key)) pick(clauses.find((clause) => clause.key === event.key))
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
      <ul role="listbox" aria-label="Terms-of-Use clauses" tabIndex={0} ref={list} aria-activedescendant={`clause-${clauses[highlight]?.code}`}>
        {clauses.map((clause, index) => (
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
      </ul>
      <label className="note">
        Note (optional)
        <input value={note} maxLength={4000} onChange={(event) => setNote(event.target.value)} placeholder="Kept with the decision" />
      </label>
      <div className="buttons">
        <button onClick={onCancel}>Cancel (Esc)</button>
        <button className="primary" onClick={() => pick(clauses[highlight])}>
          Remove (Enter)
        </button>
      </div>
    </Dialog>
  )
}
