// A report's filter as SQL over the decision log. Every report query reads the same joins, so the
// summary, the decision log and the statements of reasons always count the same decisions.
import type { RawBuilder } from 'kysely'
import type { ReportFilter } from '../../../../shared/reports'
import type { Dialect } from '../../database/sql/dialect'
import { sql } from '../../database/sql/sql'

/** The joins a report's WHERE clause may refer to: d decisions, c comments, s sources, ar articles, au authors. */
export const REPORT_FROM = sql`
  FROM decisions d
  JOIN comments c ON c.id = d.comment_id
  JOIN sources s ON s.id = c.source_id
  LEFT JOIN articles ar ON ar.id = c.article_id
  LEFT JOIN authors au ON au.id = c.author_id`

/** Decided within [from, to] (whole UTC days), narrowed by source, moderator and article when given. */
export function reportWhere(filter: ReportFilter): RawBuilder<unknown> {
  const where = [sql`d.decided_at >= ${`${filter.from}T00:00:00.000Z`}`, sql`d.decided_at < ${dayAfter(filter.to)}`]
  if (filter.source !== undefined) where.push(sql`s.name = ${filter.source}`)
  if (filter.moderator !== undefined) where.push(sql`d.moderator = ${filter.moderator}`)
  if (filter.article !== undefined) where.push(sql`ar.external_id = ${filter.article}`)
  return sql`WHERE ${sql.join(where, sql` AND `)}`
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString()
}

/** 1 when a later undo took this decision back (an undo reverts a whole batch, comment by comment). */
export const UNDONE = sql`CASE WHEN EXISTS (
  SELECT 1 FROM batches u JOIN decisions ud ON ud.batch_id = u.id
  WHERE u.reverts = d.batch_id AND u.kind = 'undo' AND ud.comment_id = d.comment_id) THEN 1 ELSE 0 END`

/** The strongest score the comment had when it was decided (NULL when it was never scored). */
export const topScore = (dialect: Dialect) => dialect.jsonMaxValue('d.scores')
