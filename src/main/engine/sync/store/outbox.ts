// The outbox's store side: entries are written with their decisions (same transaction), and a comment's
// sync state is read from its latest entry. The sync loop that pushes them lives in sync/.
import type { SyncState } from '../../../../shared/model'
import type { Db } from '../../database/database'

/**
 * Queues for pushing every decision of a batch whose comment came from a platform (any source that is not a
 * local file or the demo). Runs inside the caller's transaction. A comment's older entries that have not
 * reached the platform yet are superseded: the new entry carries the comment's whole state, so at most one
 * entry per comment is ever live and pushes happen in decision order. A new decision also settles a conflict.
 */
export function enqueueForSync(db: Db, batchId: number, at: Date): void {
  // Most databases (the demo, imported files) have no platform at all: skip the work for big bulk actions.
  if (!db.prepare(`SELECT 1 FROM sources WHERE kind NOT IN ('demo', 'file') LIMIT 1`).get()) return
  const params = { batchId, at: at.toISOString() }
  const platformDecisions = `
    SELECT d.id, d.comment_id FROM decisions d
    JOIN comments c ON c.id = d.comment_id JOIN sources s ON s.id = c.source_id
    WHERE d.batch_id = @batchId AND s.kind NOT IN ('demo', 'file')`
  db.prepare(
    `UPDATE outbox SET state = 'superseded', updated_at = @at
     WHERE state IN ('pending', 'failed', 'conflict') AND comment_id IN (SELECT comment_id FROM (${platformDecisions}))`
  ).run(params)
  db.prepare(
    `INSERT INTO outbox (decision_id, comment_id, state, not_before, created_at, updated_at)
     SELECT id, comment_id, 'pending', @at, @at, @at FROM (${platformDecisions})`
  ).run(params)
  db.prepare(`UPDATE comments SET conflict = NULL WHERE conflict IS NOT NULL AND id IN (SELECT comment_id FROM decisions WHERE batch_id = @batchId)`).run(
    { batchId }
  )
}

/** SQL for a comment row's sync state (`c` is the comment): its latest entry as JSON, and its conflict. */
export const SYNC_COLUMNS = `
  (SELECT json_object('state', o.state, 'error', o.last_error) FROM outbox o WHERE o.comment_id = c.id ORDER BY o.id DESC LIMIT 1) AS sync,
  c.conflict AS conflict`

/** Reads SYNC_COLUMNS back: null for a comment with nothing to push (never decided, or not from a platform). */
export function syncState(sync: string | null, conflict: string | null): SyncState | null {
  if (conflict !== null) return { state: 'conflict', error: conflict }
  if (sync === null) return null
  const entry = JSON.parse(sync) as { state: string; error: string | null }
  if (entry.state === 'superseded') return null
  const state = entry.state as SyncState['state']
  return entry.error !== null && state !== 'synced' ? { state, error: entry.error } : { state }
}
