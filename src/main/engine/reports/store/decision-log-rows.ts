// The decision log's rows, a chunk at a time, as arrays of columns in LOG_HEADERS order: scores are
// unpacked by the database, not in JS, so a million rows take seconds.
import { ATTRIBUTES } from '../../../../shared/model'
import type { ReportFilter } from '../../../../shared/reports'
import type { Db } from '../../database/database'
import type { Dialect } from '../../database/sql/dialect'
import { sql, type RawBuilder } from '../../database/sql/sql'
import { REPORT_FROM, reportWhere } from './report-sql'

export type LogRow = (string | number | null)[]

type Column = [header: string, value: (dialect: Dialect) => RawBuilder<unknown>]
const column = (header: string, value: RawBuilder<unknown>): Column => [header, () => value]

const COLUMNS: Column[] = [
  column('decision_id', sql`d.id`),
  column('batch_id', sql`d.batch_id`),
  column('decided_at', sql`d.decided_at`),
  column('moderator', sql`d.moderator`),
  column('machine', sql`d.machine`),
  column('comment_id', sql`c.external_id`),
  column('article', sql`ar.title`),
  column('author', sql`au.name`),
  column('action', sql`d.action`),
  column('status_before', sql`d.status_before`),
  column('status_after', sql`d.status_after`),
  column('clause', sql`d.clause`),
  column('clause_title', sql`d.clause_title`),
  column('note', sql`d.note`),
  column('automated', sql`CASE d.automated WHEN 1 THEN 'yes' ELSE 'no' END`),
  column('rule', sql`d.rule`),
  // A decision on a platform's comment has an outbox entry; one on an imported or demo comment stays local.
  column('sync_state', sql`coalesce((SELECT o.state FROM outbox o WHERE o.decision_id = d.id), 'local')`),
  ...ATTRIBUTES.map((attribute): Column => [`score_${attribute.toLowerCase()}`, (dialect) => dialect.jsonNumberOrNull('d.scores', attribute)])
]

export const LOG_HEADERS = COLUMNS.map(([header]) => header)

/** The whole log, or a report's period of it (same joins, so the same decisions as the summary counts). */
export function logChunks(db: Db, size: number, filter?: ReportFilter): Iterable<LogRow[]> {
  const select = sql`SELECT ${sql.join(COLUMNS.map(([, value]) => value(db.dialect)))}`
  const query = filter
    ? sql`${select} ${REPORT_FROM} ${reportWhere(filter)} ORDER BY d.id`
    : sql`${select} FROM decisions d JOIN comments c ON c.id = d.comment_id
          LEFT JOIN articles ar ON ar.id = c.article_id LEFT JOIN authors au ON au.id = c.author_id ORDER BY d.id`
  return db.chunks<LogRow>(query, size, { arrays: true })
}
