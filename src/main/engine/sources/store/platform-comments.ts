// Comments pulled from a live platform: landed like any source's, plus the platform's own status word, and
// a conflict noted where the platform changed or deleted a comment after Sieve decided on it — unless the
// platform now shows what Sieve decided, which is simply synced.
import type { Status } from '../../../../shared/model'
import type { Db } from '../../database/database'
import { commentWriter, type IncomingComment, type UpsertCounts } from './comments'

export interface PlatformComment {
  comment: IncomingComment
  /** The status in the platform's words (WordPress: hold, approved, spam, trash). */
  platformStatus: string
}

export const DELETED = 'deleted'

export type LandCounts = UpsertCounts & { conflicts: number }

/** The platform status Sieve's decision (its status and clause) stands for. */
export type TargetStatus = (status: Status, clause: string | null) => string

/** Lands one page of a pull in one transaction. */
export function landPlatformComments(db: Db, sourceId: number, items: PlatformComment[], now: Date, platformName: string, target: TargetStatus): LandCounts {
  const writer = commentWriter(db, sourceId)
  const known = db.prepare<[number, string], { id: number; platformStatus: string | null; status: Status; reason: string | null; decided: number; writing: number }>(
    `SELECT c.id, c.platform_status AS platformStatus, c.status, c.reason,
            EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = c.id) AS decided,
            EXISTS (SELECT 1 FROM outbox o WHERE o.comment_id = c.id AND o.state = 'pending' AND o.attempts > 0) AS writing
     FROM comments c WHERE c.source_id = ? AND c.external_id = ?`
  )
  const setStatus = db.prepare<[string, number, string]>('UPDATE comments SET platform_status = ? WHERE source_id = ? AND external_id = ?')
  return db.transaction(() => {
    let conflicts = 0
    for (const { comment, platformStatus } of items) {
      const before = known.get(sourceId, comment.externalId)
      if (!before?.decided) continue
      if (platformStatus === target(before.status, before.reason)) {
        // The site shows Sieve's decision (a colleague did the same, or the push landed): nothing to settle.
        markAgreed(db, before.id, now)
        continue
      }
      // A push that was cut off (a crash) may have landed: the change may be Sieve's own, and the sync
      // loop, which reads before it writes, settles it.
      if (!before.writing && before.platformStatus !== null && before.platformStatus !== platformStatus) {
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

/** The platform shows what Sieve decided: no conflict, and the decision's entry is done. */
function markAgreed(db: Db, commentId: number, now: Date): void {
  db.prepare('UPDATE comments SET conflict = NULL WHERE id = ? AND conflict IS NOT NULL').run(commentId)
  db.prepare(
    `UPDATE outbox SET state = 'synced', last_error = NULL, updated_at = ?
     WHERE comment_id = ? AND state IN ('pending', 'failed', 'conflict')`
  ).run(now.toISOString(), commentId)
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
 * The comments worth watching on the platform, by the platform status Sieve last saw each in: every one
 * held there, and those decided lately, waiting to be pushed or in conflict. (A pull checks that each is
 * still in that status, and fetches only those that are not.)
 */
export function trackedByPlatformStatus(db: Db, sourceId: number, since: Date): Map<string, string[]> {
  const rows = db
    .prepare<[number, string], { id: string; status: string }>(
      `SELECT c.external_id AS id, c.platform_status AS status FROM comments c
       WHERE c.source_id = ? AND c.platform_status IS NOT NULL AND c.platform_status IS NOT '${DELETED}' AND (
         c.platform_status = 'hold'
         OR c.conflict IS NOT NULL
         OR EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = c.id AND d.decided_at >= ?)
         OR EXISTS (SELECT 1 FROM outbox o WHERE o.comment_id = c.id AND o.state IN ('pending', 'failed')))
       ORDER BY c.id`
    )
    .all(sourceId, since.toISOString())
  const tracked = new Map<string, string[]>()
  for (const row of rows) {
    const ids = tracked.get(row.status)
    if (ids) ids.push(row.id)
    else tracked.set(row.status, [row.id])
  }
  return tracked
}
