import { memo } from 'react'
import { QUEUES, QUEUE_LABELS, type QueueCounts, type QueueId } from '../../../shared/model'

/** The queues with their counts: drawn again only when a count or the queue shown changes, never for a key step. */
export const QueueTabs = memo(function QueueTabs({ current, counts, onOpen }: { current: QueueId; counts: QueueCounts | null; onOpen(queue: QueueId): void }) {
  return (
    <nav className="tabs" role="tablist" aria-label="Queues">
      {QUEUES.map((queue) => (
        <button
          key={queue}
          role="tab"
          aria-selected={queue === current}
          data-queue={queue}
          className={queue === current ? 'active' : ''}
          onClick={() => onOpen(queue)}
        >
          {QUEUE_LABELS[queue]} <span className="count">{counts ? counts[queue].toLocaleString() : '…'}</span>
        </button>
      ))}
    </nav>
  )
})
