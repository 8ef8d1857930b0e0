// The rows a summary report counts: one per decision in the period (undos aside), as arrays, a chunk at a
// time, so a long period costs time, not memory.
import type { ActionCounts, ReportFilter } from '../../../../shared/reports'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
import { REPORT_FROM, reportWhere, topScore, UNDONE } from './report-sql'

export type SummaryRow = [
  action: keyof ActionCounts,
  clauseCode: string | null,
  clauseTitle: string | null,
  moderator: string,
  batchId: number,
  decidedAt: string,
  automated: number,
  createdAt: string | null,
  articleId: string | null,
  articleTitle: string | null,
  topScore: number | null,
  undone: number
]

const CHUNK = 5000

export function summaryChunks(db: Db, filter: ReportFilter): Iterable<SummaryRow[]> {
  return db.chunks<SummaryRow>(
    sql`SELECT d.action, d.clause, d.clause_title, d.moderator, d.batch_id, d.decided_at, d.automated,
               c.created_at, ar.external_id, ar.title, ${topScore(db.dialect)}, ${UNDONE}
        ${REPORT_FROM} ${reportWhere(filter)} AND d.action <> 'undo' ORDER BY d.id`,
    CHUNK,
    { arrays: true }
  )
}
