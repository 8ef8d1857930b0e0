// Escalations: a moderator asks for a second opinion on a comment (legal, a senior editor). One stays
// open until someone decides on the comment.
import type { Escalation } from '../../../../shared/model'
import type { Db } from '../../database/database'
import type { Actor } from './decisions'
import { whereClause, type Conditions } from './filter-sql'

/** Opens an escalation on each selected comment that has none open; returns how many were opened. */
export function escalate(db: Db, selection: Conditions, note: string, actor: Actor, at: Date): number {
  const conditions = [...selection.where, 'NOT EXISTS (SELECT 1 FROM escalations e WHERE e.comment_id = c.id AND e.resolved_at IS NULL)']
  return db
    .prepare(
      `INSERT INTO escalations (comment_id, note, moderator, machine, created_at)
       SELECT c.id, @note, @moderator, @machine, @createdAt FROM comments c ${whereClause({ ...selection, where: conditions })}`
    )
    .run({ ...selection.params, note, moderator: actor.moderator, machine: actor.machine, createdAt: at.toISOString() }).changes
}

/** Closes the open escalations of every comment a decision batch touched, noting the batch that closed them. */
export function resolveEscalations(db: Db, batchId: number, at: Date): void {
  db.prepare(
    `UPDATE escalations SET resolved_at = @at, resolved_by = @batchId
     WHERE resolved_at IS NULL AND comment_id IN (SELECT comment_id FROM decisions WHERE batch_id = @batchId)`
  ).run({ at: at.toISOString(), batchId })
}

/**
 * Opens again the escalations a decision batch closed, on the comments its undo put back: an undo
 * restores everything the decision changed. A comment the undo left alone (decided again since) stays settled.
 */
export function reopenEscalations(db: Db, batchId: number, undoBatchId: number): void {
  db.prepare(
    `UPDATE escalations SET resolved_at = NULL, resolved_by = NULL
     WHERE resolved_by = @batchId AND comment_id IN (SELECT comment_id FROM decisions WHERE batch_id = @undoBatchId)`
  ).run({ batchId, undoBatchId })
}

export function openEscalation(db: Db, commentId: number): Escalation | null {
  return (
    db
      .prepare<[number], Escalation>(
        `SELECT note, moderator, created_at AS createdAt FROM escalations
         WHERE comment_id = ? AND resolved_at IS NULL ORDER BY id DESC LIMIT 1`
      )
      .get(commentId) ?? null
  )
}
