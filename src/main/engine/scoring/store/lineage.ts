// The local model's lineage: one row per retraining, kept or not, and the decisions counted since the
// last one (what starts the next automatic retraining).
import type { ModelLineageEntry } from '../../../../shared/api/scoring'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

export type NewLineageEntry = Omit<ModelLineageEntry, 'id'> & { throughDecisionId: number }

export function recordLineage(db: Db, entry: NewLineageEntry): void {
  db.run(
    sql`INSERT INTO model_lineage (version, previous_version, trained_at, decisions, through_decision_id, auc_before, auc_after, kept, started_by)
        VALUES (${entry.version}, ${entry.previousVersion}, ${entry.trainedAt}, ${entry.decisions}, ${entry.throughDecisionId},
                ${entry.aucBefore}, ${entry.aucAfter}, ${entry.kept ? 1 : 0}, ${entry.startedBy})`
  )
}

/** Every retraining, oldest first. */
export function modelLineage(db: Db): ModelLineageEntry[] {
  return db
    .all<Omit<ModelLineageEntry, 'kept'> & { kept: number }>(
      sql`SELECT id, version, previous_version AS "previousVersion", trained_at AS "trainedAt", decisions,
                 auc_before AS "aucBefore", auc_after AS "aucAfter", kept, started_by AS "startedBy"
          FROM model_lineage ORDER BY id`
    )
    .map((row) => ({ ...row, kept: row.kept === 1 }))
}

/** Approvals and removals by a person (a bulk one counts each comment it changed) are what teach the model. */
const teaching = sql`d.automated = 0 AND d.action IN ('approve', 'remove')`

/** The newest decision that teaches: a retraining learns from everything up to it. */
export function lastTeachingDecision(db: Db): number {
  return db.get<{ n: number }>(sql`SELECT coalesce(max(d.id), 0) AS n FROM decisions d WHERE ${teaching}`)!.n
}

/** How many teaching decisions were made since the last retraining (kept or not) learned from. */
export function decisionsSinceLastRetraining(db: Db): number {
  return db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM decisions d
        WHERE ${teaching} AND d.id > (SELECT coalesce(max(through_decision_id), 0) FROM model_lineage)`
  )!.n
}
