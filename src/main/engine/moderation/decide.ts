// The moderation rules: what each action needs, and how a decision and its undo land in the log.
import { ACTION_FROM, ACTION_STATUS, type Action, type DecisionResult, type Policy, type UndoResult } from '../../../shared/model'
import type { Filter } from '../../../shared/filter'
import type { Db } from '../database/database'
import { sql } from '../database/sql/sql'
import { escalate, reopenEscalations, resolveEscalations } from './store/escalations'
import { filterConditions, keyConditions } from './store/filter-sql'
import { appendDecisionBatch, appendRedoBatch, appendUndoBatch, lastRedoableUndo, lastUndoableBatch, type Actor } from './store/decisions'
import { findClause } from './policy'
import { UserError } from '../errors'

export interface DecisionRequest {
  /** Sieve's ids of the comments, or a filter meaning every comment it matches (however many). */
  target: { keys: number[] } | { filter: Filter }
  action: Action
  clause?: string
  note?: string
  automated?: boolean
}

/** Applies one action to every comment targeted, in one transaction: all of it lands, or none. */
export function decide(
  db: Db,
  policy: Policy,
  actor: Actor,
  request: DecisionRequest,
  at: Date
): DecisionResult {
  const clause = (request.clause === undefined ? null : findClause(policy, request.clause)) ?? null
  if (request.action === 'remove' && !clause) {
    const codes = policy.clauses.map((c) => c.code).join(', ')
    throw new UserError(
      request.clause === undefined
        ? `A removal must name a Terms-of-Use clause (one of: ${codes}).`
        : `"${request.clause}" is not a clause of the Terms of Use (one of: ${codes}).`
    )
  }
  if (request.action !== 'remove' && request.clause !== undefined) {
    throw new UserError(`Only a removal names a clause; ${request.action} does not take one.`)
  }
  const note = request.note?.trim() ? request.note : null
  const selection = targetConditions(db, request.target)
  // Re-enable undoes a removal or a disable; on a pending comment it would publish it unseen.
  const from = ACTION_FROM[request.action]
  if (from) selection.push(sql`c.status IN (${sql.join([...from])})`)
  return db.transaction(() => {
    const result = appendDecisionBatch(db, selection, {
      action: request.action,
      statusAfter: ACTION_STATUS[request.action],
      clause,
      note,
      actor,
      automated: request.automated ?? false,
      at
    })
    resolveEscalations(db, result.batchId, at)
    return result
  })
}

/** Asks for a second opinion on the targeted comments; the note says why (it is required). */
export function escalateComments(db: Db, actor: Actor, target: DecisionRequest['target'], note: string, at: Date): number {
  if (!note.trim()) throw new UserError('An escalation needs a note saying what the second opinion is for.')
  return db.transaction(() => escalate(db, targetConditions(db, target), note, actor, at))
}

function targetConditions(db: Db, target: DecisionRequest['target']) {
  return 'keys' in target ? keyConditions(target.keys) : filterConditions(db.dialect, target.filter)
}

/** Undoes the actor's latest batch that is not yet undone. */
export function undoLast(db: Db, actor: Actor, at: Date): UndoResult {
  return db.transaction(() => {
    const batch = lastUndoableBatch(db, actor)
    if (!batch) return { batchId: null, ids: [], action: null }
    const { undoBatchId, ids } = appendUndoBatch(db, batch.id, actor, at)
    reopenEscalations(db, batch.id, undoBatchId)
    return { batchId: batch.id, ids, action: batch.action }
  })
}

/** Makes again the decisions the actor's latest undo took back (when nothing new was decided since). */
export function redoLast(db: Db, actor: Actor, at: Date): UndoResult {
  return db.transaction(() => {
    const undo = lastRedoableUndo(db, actor)
    if (!undo) return { batchId: null, ids: [], action: null }
    const { redoBatchId, ids } = appendRedoBatch(db, undo.id, actor, at)
    resolveEscalations(db, redoBatchId, at)
    return { batchId: undo.id, ids, action: undo.action }
  })
}
