// Escalations: a moderator asks for a second opinion on a comment (legal, a senior editor). One stays
// open until someone decides on the comment.
import type { Escalation } from '../../../../shared/model'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
import type { Actor } from './decisions'
import { whereClause, type Conditions } from './filter-sql'

/** Opens an escalation on each selected comment that has none open; returns how many were opened. */
export function escalate(db: Db, selection: Conditions, note: string, actor: Actor, at: Date): number {
  const conditions = [...selection, sql`NOT EXISTS (SELECT 1 FROM escalations e WHERE e.comment_id = c.id AND e.resolved_at IS NULL)`]
  return db.run(
    sql`INSERT INTO escalations (comment_id, note, moderator, machine, created_at)
        SELECT c.id, ${note}, ${actor.moderator}, ${actor.machine}, ${at.toISOString()} FROM comments c ${whereClause(conditions)}`
  )
}

/** Closes the open escalations of every comment a decision batch touched, noting the batch that closed them. */
export function resolveEscalations(db: Db, batchId: number, at: Date): void {
  db.run(
    sql`UPDATE escalations SET resolved_at = ${at.toISOString()}, resolved_by = ${batchId}
        WHERE resolved_at IS NULL AND comment_id IN (SELECT comment_id FROM decisions WHERE batch_id = ${batchId})`
  )
}

/**
 * Opens again the escalations a decision batch closed, on the comments its undo put back: an undo
 * restores everything the decision changed. A comment the undo left alone (decided again since) stays settled.
 */
export function reopenEscalations(db: Db, batchId: number, undoBatchId: number): void {
  db.run(
    sql`UPDATE escalations SET resolved_at = NULL, resolved_by = NULL
        WHERE resolved_by = ${batchId} AND comment_id IN (SELECT comment_id FROM decisions WHERE batch_id = ${undoBatchId})`
  )
}

export function openEscalation(db: Db, commentId: number): Escalation | null {
  return (
    db.get<Escalation>(
      sql`SELECT note, moderator, created_at AS "createdAt" FROM escalations
          WHERE comment_id = ${commentId} AND resolved_at IS NULL ORDER BY id DESC LIMIT 1`
    ) ?? null
  )
}
