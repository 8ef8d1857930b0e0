// Comments pulled from a live platform: landed like any source's, plus the platform's own status word, and
// a conflict noted where the platform changed or deleted a comment after Sieve decided on it.
import type { Db } from './database'
import { commentWriter, type IncomingComment, type UpsertCounts } from './comments'

export interface PlatformComment {
  comment: IncomingComment
  /** The status in the platform's words (WordPress: hold, approved, spam, trash). */
  platformStatus: string
}

export const DELETED = 'deleted'

export type LandCounts = UpsertCounts & { conflicts: number }

/** Lands one page of a pull in one transaction. */
export function landPlatformComments(db: Db, sourceId: number, items: PlatformComment[], now: Date, platformName: string): LandCounts {
  const writer = commentWriter(db, sourceId)
  const known = db.prepare<[number, string], { id: number; platformStatus: string | null; decided: number; writing: number }>(
    `SELECT c.id, c.platform_status AS platformStatus, EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = c.id) AS decided,
            EXISTS (SELECT 1 FROM outbox o WHERE o.comment_id = c.id AND o.state = 'pending' AND o.attempts > 0) AS writing
     FROM comments c WHERE c.source_id = ? AND c.external_id = ?`
  )
  const setStatus = db.prepare<[string, number, string]>('UPDATE comments SET platform_status = ? WHERE source_id = ? AND external_id = ?')
  return db.transaction(() => {
    let conflicts = 0
    for (const { comment, platformStatus } of items) {
      const before = known.get(sourceId, comment.externalId)
      // A push that was cut off (a crash) may have landed: the change may be Sieve's own, and the sync
      // loop, which reads before it writes, settles it.
      if (before?.decided && !before.writing && before.platformStatus !== null && before.platformStatus !== platformStatus) {
        markConflict(db, before.id, `Changed in ${platformName} to "${platformStatus}" (was "${before.platformStatus}") after a decision in Sieve; Sieve did not overwrite it. Decide again to settle it.`, now)
        conflicts++
      }
    }
    const counts = writer.write(
      items.map((item) => item.comment),
      now
    )
    for (const { comment, platformStatus } of items) setStatus.run(platformStatus, sourceId, comment.externalId)
    return { ...counts, conflicts }
  })()
}

/** Notes that comments are gone from the platform: a conflict each, so a moderator sees it. */
export function markDeletedUpstream(db: Db, sourceId: number, externalIds: string[], now: Date, platformName: string): void {
  const find = db.prepare<[number, string], { id: number }>('SELECT id FROM comments WHERE source_id = ? AND external_id = ?')
  db.transaction(() => {
    for (const externalId of externalIds) {
      const row = find.get(sourceId, externalId)
      if (!row) continue
      db.prepare('UPDATE comments SET platform_status = ? WHERE id = ?').run(DELETED, row.id)
      markConflict(db, row.id, `Deleted in ${platformName}; Sieve's decision cannot be applied there.`, now)
    }
  })()
}

/** Notes a conflict on a comment; its decision waiting to be pushed waits for a person instead. */
export function markConflict(db: Db, commentId: number, message: string, now: Date): void {
  db.prepare('UPDATE comments SET conflict = ? WHERE id = ?').run(message, commentId)
  db.prepare(
    `UPDATE outbox SET state = 'conflict', last_error = ?, updated_at = ? WHERE comment_id = ? AND state IN ('pending', 'failed')`
  ).run(message, now.toISOString(), commentId)
}

/**
 * The comments worth asking the platform about again: still pending here, recently decided, or with a
 * decision not yet pushed. (The platform cannot list what changed since a date; re-polling these finds it.)
 */
export function openExternalIds(db: Db, sourceId: number, since: Date): string[] {
  return db
    .prepare<[number, string], { id: string }>(
      `SELECT c.external_id AS id FROM comments c
       WHERE c.source_id = ? AND c.platform_status IS NOT '${DELETED}' AND (
         c.status = 'pending'
         OR EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = c.id AND d.decided_at >= ?)
         OR EXISTS (SELECT 1 FROM outbox o WHERE o.comment_id = c.id AND o.state IN ('pending', 'failed')))
       ORDER BY c.id`
    )
    .all(sourceId, since.toISOString())
    .map((row) => row.id)
}
