// What changed in the database since a point: the tails of the append-only tables (decisions, comments)
// and a summary of the outbox. The change feed reads them to tell every window.
import type { Action } from '../../../../shared/model'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

export interface ChangeMarks {
  decisionId: number
  commentId: number
}

export function currentMarks(db: Db): ChangeMarks {
  return db.get<ChangeMarks>(
    sql`SELECT (SELECT coalesce(max(id), 0) FROM decisions) AS "decisionId", (SELECT coalesce(max(id), 0) FROM comments) AS "commentId"`
  )!
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
  return db.all<DecidedBatch>(
    sql`SELECT d.batch_id AS "batchId", b.kind, b.action, max(d.clause) AS clause, b.moderator, b.machine, max(d.automated) AS automated,
               count(*) AS count, max(d.id) AS "lastDecisionId"
        FROM decisions d JOIN batches b ON b.id = d.batch_id
        WHERE d.id > ${afterDecisionId} GROUP BY d.batch_id, b.kind, b.action, b.moderator, b.machine ORDER BY d.batch_id`
  )
}

/** The first `limit` comments a batch decided on (a bulk decision's keys are not all worth sending). */
export function batchKeys(db: Db, batchId: number, limit: number): number[] {
  return db.all<{ key: number }>(sql`SELECT comment_id AS key FROM decisions WHERE batch_id = ${batchId} ORDER BY id LIMIT ${limit}`).map((row) => row.key)
}

export function arrivalsSince(db: Db, afterCommentId: number): { count: number; latestKey: number } {
  return db.get<{ count: number; latestKey: number }>(sql`SELECT count(*) AS count, max(id) AS "latestKey" FROM comments WHERE id > ${afterCommentId}`)!
}

export interface SyncSummary {
  pending: number
  failed: number
  conflicts: number
}

export function syncSummary(db: Db): SyncSummary {
  return db.get<SyncSummary>(
    sql`SELECT (SELECT count(*) FROM outbox WHERE state = 'pending') AS pending,
               (SELECT count(*) FROM outbox WHERE state = 'failed') AS failed,
               (SELECT count(*) FROM comments WHERE conflict IS NOT NULL) AS conflicts`
  )!
}

let looks = 0

/**
 * A number that changes when another connection commits (SQLite's data_version): a look that finds it
 * unchanged skips its queries. PostgreSQL has no such number; there every look is a new one.
 */
export function dataVersion(db: Db): number {
  return db.sqlite ? (db.sqlite.pragma('data_version', { simple: true }) as number) : --looks
}
