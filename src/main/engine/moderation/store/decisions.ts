// The decision log: batches and their decisions, appended set-wise so a bulk action over many comments
// is a handful of statements, and the comments' status projection moved in the same transaction.
import type { Action, Clause, Status } from '../../../../shared/model'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
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
  const batchId = db.get<{ id: number }>(
    sql`INSERT INTO batches (kind, action, moderator, machine, created_at)
        VALUES ('decide', ${batch.action}, ${batch.actor.moderator}, ${batch.actor.machine}, ${decidedAt}) RETURNING id`
  )!.id
  const clauseCode = batch.clause?.code ?? null
  const changes = sql`(NOT (c.status = ${batch.statusAfter} AND c.clause IS NOT DISTINCT FROM ${clauseCode}) OR c.conflict IS NOT NULL)`
  const changed = db.run(
    sql`INSERT INTO decisions (batch_id, comment_id, action, status_before, status_after, clause_before, clause,
                               clause_title, clause_description, note, moderator, machine, decided_at, automated, rule, scores)
        SELECT ${batchId}, c.id, ${batch.action}, c.status, ${batch.statusAfter}, c.clause, ${clauseCode},
               ${batch.clause?.title ?? null}, ${batch.clause?.description ?? null}, ${batch.note}, ${batch.actor.moderator},
               ${batch.actor.machine}, ${decidedAt}, ${batch.automated ? 1 : 0}, ${batch.rule ?? null}, c.scores
        FROM comments c
        ${whereClause([...selection, changes])}
        ORDER BY c.id`
  )
  projectBatch(db, batchId)
  enqueueForSync(db, batchId, batch.at)
  return { batchId, changed }
}

/** A batch that changed something (a decision that changed nothing is no step to undo or to end the redo stack). */
const changedSomething = (batch: string) => sql`EXISTS (SELECT 1 FROM decisions changed WHERE changed.batch_id = ${sql.ref(`${batch}.id`)})`

/** The actor's latest batch that has not been undone, if any (a redo counts as a batch of its own). */
export function lastUndoableBatch(db: Db, actor: Actor): { id: number; action: Action } | undefined {
  return db.get<{ id: number; action: Action }>(
    sql`SELECT b.id, b.action FROM batches b
        WHERE b.kind = 'decide' AND b.moderator = ${actor.moderator} AND ${changedSomething('b')}
          AND NOT EXISTS (SELECT 1 FROM batches u WHERE u.reverts = b.id)
        ORDER BY b.id DESC LIMIT 1`
  )
}

/**
 * Appends an undo batch that puts back what `batchId` changed, on the comments still in the state it
 * left them in (a later decision by anyone wins over an undo of an earlier one). Returns their external ids.
 */
export function appendUndoBatch(db: Db, batchId: number, actor: Actor, at: Date): { undoBatchId: number; ids: string[] } {
  const decidedAt = at.toISOString()
  const undoBatchId = appendRevertingBatch(db, 'undo', batchId, actor, decidedAt)
  db.run(
    sql`INSERT INTO decisions (batch_id, comment_id, action, status_before, status_after, clause_before, clause,
                               clause_title, clause_description, note, moderator, machine, decided_at, automated, scores)
        SELECT ${undoBatchId}, d.comment_id, 'undo', c.status, d.status_before, c.clause, d.clause_before,
               NULL, NULL, NULL, ${actor.moderator}, ${actor.machine}, ${decidedAt}, 0, c.scores
        FROM decisions d JOIN comments c ON c.id = d.comment_id
        WHERE d.batch_id = ${batchId} AND c.status = d.status_after AND c.clause IS NOT DISTINCT FROM d.clause
        ORDER BY d.comment_id`
  )
  projectBatch(db, undoBatchId)
  enqueueForSync(db, undoBatchId, at)
  return { undoBatchId, ids: externalIdsOf(db, undoBatchId) }
}

/**
 * The undo the actor may redo: their latest undo not yet redone, provided they have made no fresh
 * decision since (a new decision ends the redo stack, as in any editor).
 */
export function lastRedoableUndo(db: Db, actor: Actor): { id: number; action: Action } | undefined {
  return db.get<{ id: number; action: Action }>(
    sql`SELECT u.id, u.action FROM batches u
        WHERE u.kind = 'undo' AND u.moderator = ${actor.moderator}
          AND NOT EXISTS (SELECT 1 FROM batches r WHERE r.reverts = u.id)
          AND NOT EXISTS (SELECT 1 FROM batches f
                          WHERE f.moderator = ${actor.moderator} AND f.kind = 'decide' AND f.reverts IS NULL AND f.id > u.id AND ${changedSomething('f')})
        ORDER BY u.id DESC LIMIT 1`
  )
}

/**
 * Appends a batch that makes again the decisions an undo took back, on the comments still in the state
 * the undo left them in. The new batch is an ordinary decision batch, so it can be undone in its turn.
 */
export function appendRedoBatch(db: Db, undoBatchId: number, actor: Actor, at: Date): { redoBatchId: number; ids: string[] } {
  const decidedAt = at.toISOString()
  const redoBatchId = appendRevertingBatch(db, 'decide', undoBatchId, actor, decidedAt)
  db.run(
    sql`INSERT INTO decisions (batch_id, comment_id, action, status_before, status_after, clause_before, clause,
                               clause_title, clause_description, note, moderator, machine, decided_at, automated, scores)
        SELECT ${redoBatchId}, u.comment_id, original.action, c.status, original.status_after, c.clause, original.clause,
               original.clause_title, original.clause_description, original.note, ${actor.moderator}, ${actor.machine}, ${decidedAt}, 0, c.scores
        FROM decisions u
        JOIN batches undo ON undo.id = u.batch_id
        JOIN decisions original ON original.batch_id = undo.reverts AND original.comment_id = u.comment_id
        JOIN comments c ON c.id = u.comment_id
        WHERE u.batch_id = ${undoBatchId} AND c.status = u.status_after AND c.clause IS NOT DISTINCT FROM u.clause
        ORDER BY u.comment_id`
  )
  projectBatch(db, redoBatchId)
  enqueueForSync(db, redoBatchId, at)
  return { redoBatchId, ids: externalIdsOf(db, redoBatchId) }
}

/** A batch that reverts another (an undo, or a redo of an undo), with the same action. */
function appendRevertingBatch(db: Db, kind: 'undo' | 'decide', reverts: number, actor: Actor, createdAt: string): number {
  return db.get<{ id: number }>(
    sql`INSERT INTO batches (kind, action, moderator, machine, created_at, reverts)
        SELECT ${kind}, action, ${actor.moderator}, ${actor.machine}, ${createdAt}, id FROM batches WHERE id = ${reverts} RETURNING id`
  )!.id
}

function externalIdsOf(db: Db, batchId: number): string[] {
  return db
    .all<{ id: string }>(sql`SELECT c.external_id AS id FROM decisions d JOIN comments c ON c.id = d.comment_id WHERE d.batch_id = ${batchId} ORDER BY d.id`)
    .map((row) => row.id)
}

/** Moves each comment a batch decided on to the state its decision left it in. */
function projectBatch(db: Db, batchId: number): void {
  db.run(
    sql`UPDATE comments SET status = d.status_after, clause = d.clause
        FROM decisions d WHERE d.batch_id = ${batchId} AND d.comment_id = comments.id`
  )
}
