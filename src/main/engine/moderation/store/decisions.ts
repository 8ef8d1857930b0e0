// The decision log: batches and their decisions, appended set-wise so a bulk action over many comments
// is a handful of statements, and the comments' status projection moved in the same transaction.
import type { Action, Clause, Status } from '../../../../shared/model'
import type { Db } from '../../database/database'
import { whereClause, type Conditions } from './filter-sql'
import { enqueueForSync } from '../../sync/store/outbox'

export interface Actor {
  moderator: string
  machine: string
}

export interface NewBatch {
  action: Action
  statusAfter: Status
  clause: Clause | null
  note: string | null
  actor: Actor
  automated: boolean
  /** The auto-moderation rule that made an automated decision. */
  rule?: string
  at: Date
}

/**
 * Appends one decision per selected comment whose state the action changes, or that is in conflict with
 * its platform (deciding again, even the same way, settles the conflict and is pushed), and moves their
 * projection. Runs inside the caller's transaction. Returns the batch id and how many changed.
 */
export function appendDecisionBatch(db: Db, selection: Conditions, batch: NewBatch): { batchId: number; changed: number } {
  const decidedAt = batch.at.toISOString()
  const batchId = Number(
    db
      .prepare(`INSERT INTO batches (kind, action, moderator, machine, created_at) VALUES ('decide', ?, ?, ?, ?)`)
      .run(batch.action, batch.actor.moderator, batch.actor.machine, decidedAt).lastInsertRowid
  )
  const changed = db
    .prepare(
      `INSERT INTO decisions (batch_id, comment_id, action, status_before, status_after, reason_before, clause_code,
                              clause_title, clause_description, note, moderator, machine, decided_at, automated, rule, scores)
       SELECT @batchId, c.id, @action, c.status, @statusAfter, c.reason, @clauseCode,
              @clauseTitle, @clauseDescription, @note, @moderator, @machine, @decidedAt, @automated, @rule, c.scores
       FROM comments c
       ${whereClause({ ...selection, where: [...selection.where, '(NOT (c.status = @statusAfter AND c.reason IS @clauseCode) OR c.conflict IS NOT NULL)'] })}
       ORDER BY c.id`
    )
    .run({
      ...selection.params,
      batchId,
      action: batch.action,
      statusAfter: batch.statusAfter,
      clauseCode: batch.clause?.code ?? null,
      clauseTitle: batch.clause?.title ?? null,
      clauseDescription: batch.clause?.description ?? null,
      note: batch.note,
      moderator: batch.actor.moderator,
      machine: batch.actor.machine,
      decidedAt,
      automated: batch.automated ? 1 : 0,
      rule: batch.rule ?? null
    }).changes
  projectBatch(db, batchId)
  enqueueForSync(db, batchId, batch.at)
  return { batchId, changed }
}

/** A batch that changed something (a decision that changed nothing is no step to undo or to end the redo stack). */
const CHANGED = (batch: string) => `EXISTS (SELECT 1 FROM decisions changed WHERE changed.batch_id = ${batch}.id)`

/** The actor's latest batch that has not been undone, if any (a redo counts as a batch of its own). */
export function lastUndoableBatch(db: Db, actor: Actor): { id: number; action: Action } | undefined {
  return db
    .prepare<[string], { id: number; action: Action }>(
      `SELECT b.id, b.action FROM batches b
       WHERE b.kind = 'decide' AND b.moderator = ? AND ${CHANGED('b')}
         AND NOT EXISTS (SELECT 1 FROM batches u WHERE u.reverts = b.id)
       ORDER BY b.id DESC LIMIT 1`
    )
    .get(actor.moderator)
}

/**
 * Appends an undo batch that puts back what `batchId` changed, on the comments still in the state it
 * left them in (a later decision by anyone wins over an undo of an earlier one). Returns their external ids.
 */
export function appendUndoBatch(db: Db, batchId: number, actor: Actor, at: Date): { undoBatchId: number; ids: string[] } {
  const decidedAt = at.toISOString()
  const undoBatchId = appendRevertingBatch(db, 'undo', batchId, actor, decidedAt)
  db.prepare(
    `INSERT INTO decisions (batch_id, comment_id, action, status_before, status_after, reason_before, clause_code,
                            clause_title, clause_description, note, moderator, machine, decided_at, automated, scores)
     SELECT @undoBatchId, d.comment_id, 'undo', c.status, d.status_before, c.reason, d.reason_before,
            NULL, NULL, NULL, @moderator, @machine, @decidedAt, 0, c.scores
     FROM decisions d JOIN comments c ON c.id = d.comment_id
     WHERE d.batch_id = @batchId AND c.status = d.status_after AND c.reason IS d.clause_code
     ORDER BY d.comment_id`
  ).run({ undoBatchId, batchId, moderator: actor.moderator, machine: actor.machine, decidedAt })
  projectBatch(db, undoBatchId)
  enqueueForSync(db, undoBatchId, at)
  return { undoBatchId, ids: externalIdsOf(db, undoBatchId) }
}

/**
 * The undo the actor may redo: their latest undo not yet redone, provided they have made no fresh
 * decision since (a new decision ends the redo stack, as in any editor).
 */
export function lastRedoableUndo(db: Db, actor: Actor): { id: number; action: Action } | undefined {
  return db
    .prepare<[string, string], { id: number; action: Action }>(
      `SELECT u.id, u.action FROM batches u
       WHERE u.kind = 'undo' AND u.moderator = ?
         AND NOT EXISTS (SELECT 1 FROM batches r WHERE r.reverts = u.id)
         AND NOT EXISTS (SELECT 1 FROM batches f WHERE f.moderator = ? AND f.kind = 'decide' AND f.reverts IS NULL AND f.id > u.id AND ${CHANGED('f')})
       ORDER BY u.id DESC LIMIT 1`
    )
    .get(actor.moderator, actor.moderator)
}

/**
 * Appends a batch that makes again the decisions an undo took back, on the comments still in the state
 * the undo left them in. The new batch is an ordinary decision batch, so it can be undone in its turn.
 */
export function appendRedoBatch(db: Db, undoBatchId: number, actor: Actor, at: Date): { redoBatchId: number; ids: string[] } {
  const decidedAt = at.toISOString()
  const redoBatchId = appendRevertingBatch(db, 'decide', undoBatchId, actor, decidedAt)
  db.prepare(
    `INSERT INTO decisions (batch_id, comment_id, action, status_before, status_after, reason_before, clause_code,
                            clause_title, clause_description, note, moderator, machine, decided_at, automated, scores)
     SELECT @redoBatchId, u.comment_id, original.action, c.status, original.status_after, c.reason, original.clause_code,
            original.clause_title, original.clause_description, original.note, @moderator, @machine, @decidedAt, 0, c.scores
     FROM decisions u
     JOIN batches undo ON undo.id = u.batch_id
     JOIN decisions original ON original.batch_id = undo.reverts AND original.comment_id = u.comment_id
     JOIN comments c ON c.id = u.comment_id
     WHERE u.batch_id = @undoBatchId AND c.status = u.status_after AND c.reason IS u.clause_code
     ORDER BY u.comment_id`
  ).run({ redoBatchId, undoBatchId, moderator: actor.moderator, machine: actor.machine, decidedAt })
  projectBatch(db, redoBatchId)
  enqueueForSync(db, redoBatchId, at)
  return { redoBatchId, ids: externalIdsOf(db, redoBatchId) }
}

/** A batch that reverts another (an undo, or a redo of an undo), with the same action. */
function appendRevertingBatch(db: Db, kind: 'undo' | 'decide', reverts: number, actor: Actor, createdAt: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO batches (kind, action, moderator, machine, created_at, reverts)
         SELECT ?, action, ?, ?, ?, id FROM batches WHERE id = ?`
      )
      .run(kind, actor.moderator, actor.machine, createdAt, reverts).lastInsertRowid
  )
}

function externalIdsOf(db: Db, batchId: number): string[] {
  return db
    .prepare<[number], { id: string }>(
      `SELECT c.external_id AS id FROM decisions d JOIN comments c ON c.id = d.comment_id WHERE d.batch_id = ? ORDER BY d.id`
    )
    .all(batchId)
    .map((row) => row.id)
}

/** Moves each comment a batch decided on to the state its decision left it in. */
function projectBatch(db: Db, batchId: number): void {
  db.prepare(
    `UPDATE comments SET status = d.status_after, reason = d.clause_code
     FROM decisions d WHERE d.batch_id = ? AND d.comment_id = comments.id`
  ).run(batchId)
}
