// The moderation rules: what each action needs, and how a decision and its undo land in the log.
import { ACTION_FROM, ACTION_STATUS, type Action, type DecisionResult, type Policy, type UndoResult } from '../../../shared/model'
import type { Filter } from '../../../shared/filter'
import type { Db } from '../database/database'
import { sql } from '../database/sql/sql'
import { escalate, reopenEscalations, resolveEscalations } from './store/escalations'
import { filterConditions, keyConditions, type Conditions } from './store/filter-sql'
import { countMatching, decidedByOthers, decidedByOthersSince, latestDecisionOn } from './store/versions'
import { claimedByOthers, claimedByOthersCondition, isLead, releaseClaims } from '../team/store/claims'
import { appendDecisionBatch, appendRedoBatch, appendUndoBatch, lastRedoableUndo, lastUndoableBatch, type Actor } from './store/decisions'
import { findClause } from './policy'
import { UserError } from '../errors'

export interface DecisionRequest {
  /** Sieve's ids of the comments, or a filter meaning every comment it matches (however many). */
  target: { keys: number[] } | { filter: Filter }
  /** Compare-and-set: each key's version as its moderator saw it (a team's moderators decide the same queue). */
  seen?: number[]
  /** For a filter: the latest decision its moderator knew of. */
  seenDecision?: number
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
  // One decision at a time across the team: what a decision compares is what it sets.
  return db.serialTransaction('decide', () => {
    const { selection, skipped } = unchangedSinceSeen(db, actor, request, at)
    // Re-enable undoes a removal or a disable; on a pending comment it would publish it unseen.
    const from = ACTION_FROM[request.action]
    if (from) selection.push(sql`c.status IN (${sql.join([...from])})`)
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
    releaseClaims(db, result.batchId)
    return skipped ? { ...result, skipped } : result
  })
}

/**
 * The comments of the target nobody else has decided since its moderator saw them. A single comment
 * decided by someone else meanwhile is refused, saying who did what and when; a selection or a filter
 * leaves such comments alone and counts them. (The moderator's own later decisions are not someone else's.)
 */
function unchangedSinceSeen(db: Db, actor: Actor, request: DecisionRequest, at: Date): { selection: Conditions; skipped: number } {
  const { target, seen, seenDecision } = request
  // What a teammate is reading is theirs to decide first; a lead may decide it all the same.
  const lead = isLead(db)
  if ('keys' in target) {
    const since = new Map(target.keys.map((key, i) => [key, seen?.[i] ?? Infinity]))
    const stale = new Set(decidedByOthers(db, target.keys, actor.moderator).filter(({ key, latest }) => latest > (since.get(key) ?? 0)).map(({ key }) => key))
    const claimed = lead ? {} : claimedByOthers(db, target.keys)
    if (target.keys.length === 1) {
      const [key] = target.keys
      if (stale.has(key)) throw new UserError(decidedMeanwhile(db, key, at))
      if (claimed[key]) throw new UserError(`${claimed[key]} is reading this comment right now: leave it to them (a lead may still decide it).`)
    }
    const free = target.keys.filter((key) => !stale.has(key) && !claimed[key])
    return { selection: keyConditions(free), skipped: target.keys.length - free.length }
  }
  const selection = targetConditions(db, target)
  const others = [...(seenDecision === undefined ? [] : [decidedByOthersSince(actor.moderator, seenDecision)]), ...(lead ? [] : claimedByOthersCondition(db))]
  if (others.length === 0) return { selection, skipped: 0 }
  const either = sql`(${sql.join(others, sql` OR `)})`
  return { selection: [...selection, sql`NOT ${either}`], skipped: countMatching(db, [...selection, either]) }
}

/** "Already removed by maya 4 s ago": the latest decision on a comment, told to the moderator refused. */
function decidedMeanwhile(db: Db, key: number, at: Date): string {
  const latest = latestDecisionOn(db, key)
  if (!latest) return 'This comment changed since you saw it; nothing was changed.'
  const seconds = Math.max(0, Math.round((at.getTime() - Date.parse(latest.decidedAt)) / 1000))
  const ago = seconds < 90 ? `${seconds} s` : seconds < 5400 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`
  const done = latest.action === 'undo' ? `put back to ${latest.statusAfter}` : latest.statusAfter
  return `Already ${done} by ${latest.moderator} ${ago} ago: your decision was not applied.`
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
