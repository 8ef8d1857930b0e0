// What the Reports screen offers to pick from: the sources, the moderators and the articles that have
// decisions, and the span of days the decision log covers.
import type { ReportOptions } from '../../../shared/reports'
import type { Db } from '../database/database'

const MAX_ARTICLES = 1000

export function reportOptions(db: Db): ReportOptions {
  const span = db.prepare<[], { first: string | null; last: string | null }>('SELECT min(decided_at) AS first, max(decided_at) AS last FROM decisions').get()!
  return {
    sources: db.prepare<[], { name: string }>('SELECT name FROM sources ORDER BY name').all().map((row) => row.name),
    moderators: db.prepare<[], { moderator: string }>('SELECT DISTINCT moderator FROM batches ORDER BY moderator').all().map((row) => row.moderator),
    articles: db
      .prepare<[number], { id: string; title: string | null }>(
        `SELECT ar.external_id AS id, ar.title FROM articles ar
         WHERE EXISTS (SELECT 1 FROM comments c JOIN decisions d ON d.comment_id = c.id WHERE c.article_id = ar.id)
         ORDER BY ar.title, ar.external_id LIMIT ?`
      )
      .all(MAX_ARTICLES),
    firstDay: span.first?.slice(0, 10) ?? null,
    lastDay: span.last?.slice(0, 10) ?? null
  }
}
