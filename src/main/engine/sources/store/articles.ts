// Articles: the stories comments hang under, and whether they still take comments.
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

export interface ArticleRef {
  id: number
  source: string
  title: string | null
}

/** The articles with this id on their platform, across sources. */
export function articlesWithExternalId(db: Db, externalId: string): ArticleRef[] {
  return db.all<ArticleRef>(sql`SELECT a.id, s.name AS source, a.title FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.external_id = ${externalId}`)
}

export function closeCommenting(db: Db, articleId: number): void {
  db.run(sql`UPDATE articles SET commenting_open = 0 WHERE id = ${articleId}`)
}
