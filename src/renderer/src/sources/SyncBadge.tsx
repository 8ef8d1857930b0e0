// A comment's sync state: whether its latest decision reached its platform, and if not, why.
import type { SyncState } from '../../../shared/model'

const LABELS: Record<SyncState['state'], string> = { pending: 'pending', synced: 'synced', failed: 'failed', conflict: 'conflict' }

/** The short form for the table; the reason is in the tooltip. */
export function SyncBadge({ sync }: { sync: SyncState | null }) {
  if (!sync) return null
  return (
    <span className={`sync ${sync.state}`} title={sync.error}>
      {LABELS[sync.state]}
      {sync.state === 'pending' && sync.error ? ' (retrying)' : ''}
    </span>
  )
}

/** The long form for the detail pane: the state and the whole reason. */
export function SyncLine({ sync }: { sync: SyncState | null }) {
  if (!sync) return null
  return (
    <p className={`sync-line sync ${sync.state}`} role="note" aria-label="Sync state">
      Sync: {LABELS[sync.state]}
      {sync.error ? ` — ${sync.error}` : ''}
    </p>
  )
}
