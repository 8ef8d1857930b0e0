// A report's filter as SQL over the decision log. Every report query reads the same joins, so the
// summary, the decision log and the statements of reasons always count the same decisions.
import type { ReportFilter } from '../../../shared/reports'

/** The joins a report's WHERE clause may refer to: d decisions, c comments, s sources, ar articles, au authors. */
export const REPORT_FROM = `
  FROM decisions d
  JOIN comments c ON c.id = d.comment_id
  JOIN sources s ON s.id = c.source_id
  LEFT JOIN articles ar ON ar.id = c.article_id
  LEFT JOIN authors au ON au.id = c.author_id`

export interface ReportConditions {
  where: string
  params: Record<string, string>
}

/** Decided within [from, to] (whole UTC days), narrowed by source, moderator and article when given. */
export function reportConditions(filter: ReportFilter): ReportConditions {
  const where = ['d.decided_at >= @from', 'd.decided_at < @until']
  const params: Record<string, string> = { from: `${filter.from}T00:00:00.000Z`, until: dayAfter(filter.to) }
  if (filter.source !== undefined) {
    where.push('s.name = @source')
    params.source = filter.source
  }
  if (filter.moderator !== undefined) {
    where.push('d.moderator = @moderator')
    params.moderator = filter.moderator
  }
  if (filter.article !== undefined) {
    where.push('ar.external_id = @article')
    params.article = filter.article
  }
  return { where: `WHERE ${where.join(' AND ')}`, params }
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString()
}

/** 1 when a later undo took this decision back (an undo reverts a whole batch, comment by comment). */
export const UNDONE_SQL = `EXISTS (
  SELECT 1 FROM batches u JOIN decisions ud ON ud.batch_id = u.id
  WHERE u.reverts = d.batch_id AND u.kind = 'undo' AND ud.comment_id = d.comment_id)`

/** The strongest score the comment had when it was decided (NULL when it was never scored). */
export const TOP_SCORE_SQL = `(SELECT max(value) FROM json_each(d.scores))`
