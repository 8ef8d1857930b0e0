import type { TableLayout } from '../../../shared/settings'
import { Dialog } from '../Dialog'
import { COLUMN_IDS, COLUMN_NAMES, columnShows } from './QueueTable'

interface ColumnsDialogProps {
  layout: TableLayout
  /** Columns whose every row has the same value: hidden unless shown on purpose. */
  constant: ReadonlySet<string>
  onLayout(layout: TableLayout): void
  onClose(): void
}

/** Show, hide and reorder the queue's columns (the comment itself always shows). */
export function ColumnsDialog({ layout, constant, onLayout, onClose }: ColumnsDialogProps) {
  const order = layout.order.length ? layout.order : COLUMN_IDS
  const shown = layout.shown ?? []
  const move = (id: string, by: number) => {
    const next = [...order]
    const from = next.indexOf(id)
    const to = Math.max(0, Math.min(next.length - 1, from + by))
    next.splice(to, 0, ...next.splice(from, 1))
    onLayout({ ...layout, order: next })
  }
  const toggle = (id: string) =>
    onLayout(
      columnShows(layout, constant, id)
        ? { ...layout, hidden: [...layout.hidden, id], shown: shown.filter((other) => other !== id) }
        : { ...layout, hidden: layout.hidden.filter((other) => other !== id), shown: [...shown.filter((other) => other !== id), id] }
    )
  return (
    <Dialog title="Columns" className="columns" onClose={onClose}>
      <p className="muted">A column whose every row says the same (one source, one status) is hidden until you tick it.</p>
      <ul>
        {order.map((id, index) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked={columnShows(layout, constant, id)} disabled={id === 'text'} onChange={() => toggle(id)} /> {COLUMN_NAMES[id]}
              {constant.has(id) && <span className="muted"> (the same on every row)</span>}
            </label>
            <button onClick={() => move(id, -1)} disabled={index === 0} aria-label={`Move ${COLUMN_NAMES[id]} left`}>
              ↑
            </button>
            <button onClick={() => move(id, 1)} disabled={index === order.length - 1} aria-label={`Move ${COLUMN_NAMES[id]} right`}>
              ↓
            </button>
          </li>
        ))}
      </ul>
      <div className="buttons">
        <button onClick={() => onLayout({ sizes: {}, hidden: [], shown: [], order: [] })}>Reset</button>
        <button className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
