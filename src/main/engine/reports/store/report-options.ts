// What the Reports screen offers to pick from: the sources, the moderators and the articles that have
// decisions, and the span of days the decision log covers.
import type { ReportOptions } from '../../../../shared/reports'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

const MAX_ARTICLES = 1000

export function reportOptions(db: Db): ReportOptions {
  const span = db.get<{ first: string | null; last: string | null }>(sql`SELECT min(decided_at) AS first, max(decided_at) AS last FROM decisions`)!
  return {
    sources: db.all<{ name: string }>(sql`SELECT name FROM sources ORDER BY name`).map((row) => row.name),
    moderators: db.all<{ moderator: string }>(sql`SELECT DISTINCT moderator FROM batches ORDER BY moderator`).map((row) => row.moderator),
    articles: db.all<{ id: string; title: string | null }>(
      sql`SELECT ar.external_id AS id, ar.title FROM articles ar
          WHERE EXISTS (SELECT 1 FROM comments c JOIN decisions d ON d.comment_id = c.id WHERE c.article_id = ar.id)
          ORDER BY ar.title, ar.external_id LIMIT ${MAX_ARTICLES}`
    ),
    firstDay: span.first?.slice(0, 10) ?? null,
    lastDay: span.last?.slice(0, 10) ?? null
  }
}
