// The outbox's store side: entries are written with their decisions (same transaction), and a comment's
// sync state is read from its latest entry. The sync loop that pushes them lives in sync/.
import type { Status, SyncReport, SyncState } from '../../../../shared/model'
import type { RawBuilder } from 'kysely'
import type { Db } from '../../database/database'
import type { Dialect } from '../../database/sql/dialect'
import { sql } from '../../database/sql/sql'

/**
 * Queues for pushing every decision of a batch whose comment came from a platform (any source that is not a
 * local file or the demo). Runs inside the caller's transaction. A comment's older entries that have not
 * reached the platform yet are superseded: the new entry carries the comment's whole state, so at most one
 * entry per comment is ever live and pushes happen in decision order. A new decision also settles a conflict.
 */
export function enqueueForSync(db: Db, batchId: number, at: Date): void {
  // Most databases (the demo, imported files) have no platform at all: skip the work for big bulk actions.
  if (!db.get(sql`SELECT 1 AS one FROM sources WHERE kind NOT IN ('demo', 'file') LIMIT 1`)) return
  const stamp = at.toISOString()
  const platformDecisions = sql`
    SELECT d.id, d.comment_id FROM decisions d
    JOIN comments c ON c.id = d.comment_id JOIN sources s ON s.id = c.source_id
    WHERE d.batch_id = ${batchId} AND s.kind NOT IN ('demo', 'file')`
  db.run(
    sql`UPDATE outbox SET state = 'superseded', updated_at = ${stamp}
        WHERE state IN ('pending', 'failed', 'conflict') AND comment_id IN (SELECT comment_id FROM (${platformDecisions}) platform)`
  )
  db.run(
    sql`INSERT INTO outbox (decision_id, comment_id, state, not_before, created_at, updated_at)
        SELECT id, comment_id, 'pending', ${stamp}, ${stamp}, ${stamp} FROM (${platformDecisions}) platform`
  )
  db.run(sql`UPDATE comments SET conflict = NULL WHERE conflict IS NOT NULL AND id IN (SELECT comment_id FROM decisions WHERE batch_id = ${batchId})`)
}

/** SQL for a comment row's sync state (`c` is the comment): its latest entry as JSON, and its conflict. */
export function syncColumns(dialect: Dialect): RawBuilder<unknown> {
  const entry = dialect.jsonObject({ state: sql`o.state`, error: sql`o.last_error` })
  return sql`(SELECT ${entry} FROM outbox o WHERE o.comment_id = c.id ORDER BY o.id DESC LIMIT 1) AS sync, c.conflict AS conflict`
}

/** Reads syncColumns back: null for a comment with nothing to push (never decided, or not from a platform). */
export function syncState(sync: string | null, conflict: string | null): SyncState | null {
  if (conflict !== null) return { state: 'conflict', error: conflict }
  if (sync === null) return null
  const entry = JSON.parse(sync) as { state: string; error: string | null }
  if (entry.state === 'superseded') return null
  const state = entry.state as SyncState['state']
  return entry.error !== null && state !== 'synced' ? { state, error: entry.error } : { state }
}

/** An outbox entry due for pushing, with what it needs: its comment on the platform and the decision's state. */
export interface DueEntry {
  id: number
  commentId: number
  externalId: string
  source: string
  statusAfter: Status
  clause: string | null
  platformStatus: string | null
  /** An earlier entry of this comment (since its last synced one) was being written when it was superseded: the site may have it. */
  uncertain: number
}

/**
 * The next entries due, oldest first, after entry `after`: past their backoff (`notBefore` null: any) and
 * made before `createdBy` (the grace period).
 */
export function dueEntries(db: Db, notBefore: string | null, createdBy: string, after: number, limit: number): DueEntry[] {
  return db.all<DueEntry>(
    sql`SELECT o.id, o.comment_id AS "commentId", c.external_id AS "externalId", s.name AS source, d.status_after AS "statusAfter",
               d.clause, c.platform_status AS "platformStatus",
               CASE WHEN EXISTS (
                 SELECT 1 FROM outbox p WHERE p.comment_id = o.comment_id AND p.id < o.id AND p.state = 'superseded' AND p.attempts > 0
                   AND p.id > coalesce((SELECT max(q.id) FROM outbox q WHERE q.comment_id = o.comment_id AND q.state = 'synced'), 0)
               ) THEN 1 ELSE 0 END AS uncertain
        FROM outbox o JOIN decisions d ON d.id = o.decision_id
        JOIN comments c ON c.id = o.comment_id JOIN sources s ON s.id = c.source_id
        WHERE o.state = 'pending' ${notBefore === null ? sql`` : sql`AND o.not_before <= ${notBefore}`} AND o.created_at <= ${createdBy} AND o.id > ${after}
        ORDER BY o.id LIMIT ${limit}`
  )
}

/** Puts still-pending entries back to wait until `notBefore`, saying why, in one transaction. */
export function deferEntries(db: Db, ids: number[], error: string, notBefore: Date, at: Date): void {
  if (ids.length === 0) return
  db.run(
    sql`UPDATE outbox SET last_error = ${error}, not_before = ${notBefore.toISOString()}, updated_at = ${at.toISOString()}
        WHERE id IN (${sql.join(ids)}) AND state = 'pending'`
  )
}

/** Where an entry now stands: only while still pending (a decision made meanwhile superseded it, and its own entry follows). */
export function settleEntry(db: Db, id: number, state: 'synced' | 'failed' | 'pending', error: string | null, notBefore: Date, at: Date): void {
  db.run(
    sql`UPDATE outbox SET state = ${state}, last_error = ${error}, not_before = ${notBefore.toISOString()}, updated_at = ${at.toISOString()}
        WHERE id = ${id} AND state = 'pending'`
  )
}

/** The status the platform shows a comment in now, in its words and (when it maps to one) in Sieve's. */
export function recordPlatformStatus(db: Db, commentId: number, platformStatus: string, sieveStatus: Status | null): void {
  db.run(sql`UPDATE comments SET platform_status = ${platformStatus}, upstream_status = coalesce(${sieveStatus}, upstream_status) WHERE id = ${commentId}`)
}

/** Marked before writing: after a crash, these are read again rather than written blindly. */
export function markAttempted(db: Db, ids: number[]): void {
  if (ids.length) db.transaction(() => db.run(sql`UPDATE outbox SET attempts = attempts + 1 WHERE id IN (${sql.join(ids)})`))
}

export function attemptsOf(db: Db, id: number): number | undefined {
  return db.get<{ attempts: number }>(sql`SELECT attempts FROM outbox WHERE id = ${id}`)?.attempts
}

/** How many entries wait to be pushed, and the earliest time one of them may be. */
export function pendingSummary(db: Db): { at: string | null; waiting: number } {
  return db.get<{ at: string | null; waiting: number }>(sql`SELECT min(not_before) AS at, count(*) AS waiting FROM outbox WHERE state = 'pending'`)!
}

/** Why the next entry to be tried waits, if it failed before. */
export function firstPendingReason(db: Db): string | null {
  return (
    db.get<{ error: string }>(sql`SELECT last_error AS error FROM outbox WHERE state = 'pending' AND last_error IS NOT NULL ORDER BY not_before, id LIMIT 1`)
      ?.error ?? null
  )
}

/** Every entry still being retried, with why. */
export function stillRetrying(db: Db): SyncReport['problems'] {
  return db.all<SyncReport['problems'][number]>(
    sql`SELECT s.name AS source, c.external_id AS id, 'pending' AS state, o.last_error AS error
        FROM outbox o JOIN comments c ON c.id = o.comment_id JOIN sources s ON s.id = c.source_id
        WHERE o.state = 'pending' AND o.last_error IS NOT NULL ORDER BY o.id`
  )
}

/** Whether any entry is due now. */
export function anyDue(db: Db, now: Date): boolean {
  return db.get(sql`SELECT 1 AS one FROM outbox WHERE state = 'pending' AND not_before <= ${now.toISOString()} LIMIT 1`) !== undefined
}

/** Puts failed entries back in line (the "retry" button), of one source or all. Returns how many. */
export function retryFailed(db: Db, now: Date, sourceName?: string): number {
  const stamp = now.toISOString()
  const ofSource =
    sourceName === undefined ? sql`` : sql`AND comment_id IN (SELECT c.id FROM comments c JOIN sources s ON s.id = c.source_id WHERE s.name = ${sourceName})`
  return db.run(sql`UPDATE outbox SET state = 'pending', not_before = ${stamp}, updated_at = ${stamp}, last_error = NULL WHERE state = 'failed' ${ofSource}`)
}
