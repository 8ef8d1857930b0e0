// What changed in the database since a point: the tails of the append-only tables (decisions, comments)
// and a summary of the outbox. The change feed reads them to tell every window.
import type { Action } from '../../../../shared/model'
import type { Db } from '../../database/database'

export interface ChangeMarks {
  decisionId: number
  commentId: number
}

export function currentMarks(db: Db): ChangeMarks {
  return db
    .prepare<[], ChangeMarks>('SELECT (SELECT coalesce(max(id), 0) FROM decisions) AS decisionId, (SELECT coalesce(max(id), 0) FROM comments) AS commentId')
    .get()!
}

export interface DecidedBatch {
  batchId: number
  kind: 'decide' | 'undo'
  action: Action
  clause: string | null
  moderator: string
  machine: string
  automated: number
  count: number
  lastDecisionId: number
}

/** The batches with decisions after `afterDecisionId`, oldest first. */
export function batchesSince(db: Db, afterDecisionId: number): DecidedBatch[] {
  return db
    .prepare<[number], DecidedBatch>(
      `SELECT d.batch_id AS batchId, b.kind, b.action, max(d.clause_code) AS clause, b.moderator, b.machine, max(d.automated) AS automated,
              count(*) AS count, max(d.id) AS lastDecisionId
       FROM decisions d JOIN batches b ON b.id = d.batch_id
       WHERE d.id > ? GROUP BY d.batch_id ORDER BY d.batch_id`
    )
    .all(afterDecisionId)
}

/** The first `limit` comments a batch decided on (a bulk decision's keys are not all worth sending). */
export function batchKeys(db: Db, batchId: number, limit: number): number[] {
  return db
    .prepare<[number, number], { key: number }>('SELECT comment_id AS key FROM decisions WHERE batch_id = ? ORDER BY id LIMIT ?')
    .all(batchId, limit)
    .map((row) => row.key)
}

export function arrivalsSince(db: Db, afterCommentId: number): { count: number; latestKey: number } {
  return db
    .prepare<[number], { count: number; latestKey: number | null }>('SELECT count(*) AS count, max(id) AS latestKey FROM comments WHERE id > ?')
    .get(afterCommentId) as { count: number; latestKey: number }
}

export interface SyncSummary {
  pending: number
  failed: number
  conflicts: number
}

export function syncSummary(db: Db): SyncSummary {
  return db
    .prepare<[], SyncSummary>(
      `SELECT (SELECT count(*) FROM outbox WHERE state = 'pending') AS pending,
              (SELECT count(*) FROM outbox WHERE state = 'failed') AS failed,
              (SELECT count(*) FROM comments WHERE conflict IS NOT NULL) AS conflicts`
    )
    .get()!
}

/** SQLite's count of commits by other connections: it moves whenever anyone else wrote. */
export function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number
}
