// Comments pulled from a live platform: landed like any source's, plus the platform's own status word, and
// a conflict noted where the platform changed or deleted a comment after Sieve decided on it — unless the
// platform now shows what Sieve decided, which is simply synced.
import type { Status } from '../../../../shared/model'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
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
  const known = (externalId: string) =>
    db.get<{ id: number; platformStatus: string | null; status: Status; clause: string | null; decided: number; writing: number }>(
      sql`SELECT c.id, c.platform_status AS "platformStatus", c.status, c.clause,
                 CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = c.id) THEN 1 ELSE 0 END AS decided,
                 CASE WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.comment_id = c.id AND o.state = 'pending' AND o.attempts > 0) THEN 1 ELSE 0 END AS writing
          FROM comments c WHERE c.source_id = ${sourceId} AND c.external_id = ${externalId}`
    )
  return db.transaction(() => {
    let conflicts = 0
    for (const { comment, platformStatus } of items) {
      const before = known(comment.externalId)
      if (!before?.decided) continue
      if (platformStatus === target(before.status, before.clause)) {
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
    for (const { comment, platformStatus } of items) {
      db.run(sql`UPDATE comments SET platform_status = ${platformStatus} WHERE source_id = ${sourceId} AND external_id = ${comment.externalId}`)
    }
    return { ...counts, conflicts }
  })
}

/** The platform shows what Sieve decided: no conflict, and the decision's entry is done. */
function markAgreed(db: Db, commentId: number, now: Date): void {
  db.run(sql`UPDATE comments SET conflict = NULL WHERE id = ${commentId} AND conflict IS NOT NULL`)
  db.run(
    sql`UPDATE outbox SET state = 'synced', last_error = NULL, updated_at = ${now.toISOString()}
        WHERE comment_id = ${commentId} AND state IN ('pending', 'failed', 'conflict')`
  )
}

/** Notes that comments are gone from the platform: a conflict each, so a moderator sees it. */
export function markDeletedUpstream(db: Db, sourceId: number, externalIds: string[], now: Date, platformName: string): void {
  db.transaction(() => {
    for (const externalId of externalIds) {
      const row = db.get<{ id: number }>(sql`SELECT id FROM comments WHERE source_id = ${sourceId} AND external_id = ${externalId}`)
      if (!row) continue
      db.run(sql`UPDATE comments SET platform_status = ${DELETED} WHERE id = ${row.id}`)
      markConflict(db, row.id, `Deleted in ${platformName}; Sieve's decision cannot be applied there.`, now)
    }
  })
}

/** Notes a conflict on a comment; its decision waiting to be pushed waits for a person instead. */
export function markConflict(db: Db, commentId: number, message: string, now: Date): void {
  db.run(sql`UPDATE comments SET conflict = ${message} WHERE id = ${commentId}`)
  db.run(sql`UPDATE outbox SET state = 'conflict', last_error = ${message}, updated_at = ${now.toISOString()} WHERE comment_id = ${commentId} AND state IN ('pending', 'failed')`)
}

/**
 * The comments worth watching on the platform, by the platform status Sieve last saw each in: every one
 * held there, and those decided lately, waiting to be pushed or in conflict. (A pull checks that each is
 * still in that status, and fetches only those that are not.)
 */
export function trackedByPlatformStatus(db: Db, sourceId: number, since: Date): Map<string, string[]> {
  const rows = db.all<{ id: string; status: string }>(
    sql`SELECT c.external_id AS id, c.platform_status AS status FROM comments c
        WHERE c.source_id = ${sourceId} AND c.platform_status IS NOT NULL AND c.platform_status != ${DELETED} AND (
          c.platform_status = 'hold'
          OR c.conflict IS NOT NULL
          OR EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = c.id AND d.decided_at >= ${since.toISOString()})
          OR EXISTS (SELECT 1 FROM outbox o WHERE o.comment_id = c.id AND o.state IN ('pending', 'failed')))
        ORDER BY c.id`
  )
  const tracked = new Map<string, string[]>()
  for (const row of rows) {
    const ids = tracked.get(row.status)
    if (ids) ids.push(row.id)
    else tracked.set(row.status, [row.id])
  }
  return tracked
}
