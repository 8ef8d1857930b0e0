import type { TableLayout } from '../../../shared/settings'
import { Dialog } from '../Dialog'
import { COLUMN_IDS, COLUMN_NAMES } from './QueueTable'

/** Show, hide and reorder the queue's columns (the comment itself always shows). */
export function ColumnsDialog({ layout, onLayout, onClose }: { layout: TableLayout; onLayout(layout: TableLayout): void; onClose(): void }) {
  const order = layout.order.length ? layout.order : COLUMN_IDS
  const move = (id: string, by: number) => {
    const next = [...order]
    const from = next.indexOf(id)
    const to = Math.max(0, Math.min(next.length - 1, from + by))
    next.splice(to, 0, ...next.splice(from, 1))
    onLayout({ ...layout, order: next })
  }
  const toggle = (id: string) =>
    onLayout({ ...layout, hidden: layout.hidden.includes(id) ? layout.hidden.filter((hidden) => hidden !== id) : [...layout.hidden, id] })
  return (
    <Dialog title="Columns" className="columns" onClose={onClose}>
      <ul>
        {order.map((id, index) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked={!layout.hidden.includes(id)} disabled={id === 'text'} onChange={() => toggle(id)} /> {COLUMN_NAMES[id]}
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
        <button onClick={() => onLayout({ sizes: {}, hidden: [], order: [] })}>Reset</button>
        <button className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
