// Comments as sources deliver them: sources, articles, authors and comments, upserted by external id.
import type { Status } from '../../../../shared/model'
import { UserError } from '../../errors'
import type { Db } from '../../database/database'
import { sql, type RawBuilder } from '../../database/sql/sql'
import { dropScores } from '../../scoring/store/scores'

/** Thirteen values a row: 500 rows stay far below either store's limit on values in one statement. */
const INSERT_ROWS = 500

/** A comment as a source delivers it, before Sieve has an id for it. */
export interface IncomingComment {
  externalId: string
  text: string
  author: { externalId: string; name: string | null } | null
  article: { externalId: string; title: string | null; url: string | null } | null
  parentExternalId: string | null
  createdAt: string | null
  modifiedAt: string | null
  upstreamStatus: Status
  reports: number
  /** Fields the source sent that Sieve does not model, kept verbatim. */
  raw: Record<string, unknown> | null
}

export interface UpsertCounts {
  added: number
  updated: number
  unchanged: number
}

/** True before the first comment lands (a fresh install opens on the demo queue). */
export function isEmpty(db: Db): boolean {
  return db.get(sql`SELECT 1 AS one FROM comments LIMIT 1`) === undefined
}

export function ensureSource(db: Db, kind: string, name: string, now: Date): number {
  db.run(sql`INSERT INTO sources (kind, name, created_at) VALUES (${kind}, ${name}, ${now.toISOString()}) ON CONFLICT (name) DO NOTHING`)
  return db.get<{ id: number }>(sql`SELECT id FROM sources WHERE name = ${name}`)!.id
}

export interface CommentWriter {
  /**
   * Writes a batch of comments in one transaction. Re-delivering a comment updates it in place; its
   * decisions and the state they gave it are never touched, and changed text drops its stale scores.
   */
  write(comments: IncomingComment[], now: Date): UpsertCounts
}

/** A writer for one source's comments; it remembers the articles and authors it has already written. */
export function commentWriter(db: Db, sourceId: number): CommentWriter {
  const articleIds = new Map<string, number>()
  const authorIds = new Map<string, number>()
  const articleId = (article: NonNullable<IncomingComment['article']>) => {
    const key = JSON.stringify([article.externalId, article.title, article.url])
    let id = articleIds.get(key)
    if (id === undefined) {
      id = db.get<{ id: number }>(
        sql`INSERT INTO articles (source_id, external_id, title, url) VALUES (${sourceId}, ${article.externalId}, ${article.title}, ${article.url})
            ON CONFLICT (source_id, external_id) DO UPDATE SET
              title = coalesce(excluded.title, articles.title), url = coalesce(excluded.url, articles.url)
            RETURNING id`
      )!.id
      articleIds.set(key, id)
    }
    return id
  }
  const authorId = (author: NonNullable<IncomingComment['author']>) => {
    const key = JSON.stringify([author.externalId, author.name])
    let id = authorIds.get(key)
    if (id === undefined) {
      id = db.get<{ id: number }>(
        sql`INSERT INTO authors (source_id, external_id, name) VALUES (${sourceId}, ${author.externalId}, ${author.name})
            ON CONFLICT (source_id, external_id) DO UPDATE SET name = coalesce(excluded.name, authors.name)
            RETURNING id`
      )!.id
      authorIds.set(key, id)
    }
    return id
  }
  const write = (comments: IncomingComment[], now: Date): UpsertCounts => {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 }
    const added: number[] = []
    const importedAt = now.toISOString()
    const existing = new Map(
      comments.length === 0
        ? []
        : db
            .all<{ externalId: string; id: number; text: string }>(
              sql`SELECT external_id AS "externalId", id, text FROM comments
                  WHERE source_id = ${sourceId} AND external_id IN (${sql.join(comments.map((comment) => comment.externalId))})`
            )
            .map((row) => [row.externalId, row])
    )
    // New comments go in a few hundred to a statement: on a team database each statement is a round trip.
    const fresh: RawBuilder<unknown>[] = []
    const insertFresh = () => {
      for (let start = 0; start < fresh.length; start += INSERT_ROWS) {
        const rows = db.all<{ id: number }>(
          sql`INSERT INTO comments (source_id, external_id, article_id, author_id, parent_external_id, text, created_at,
                                    modified_at, upstream_status, reports, raw, imported_at, status)
              VALUES ${sql.join(fresh.slice(start, start + INSERT_ROWS))}
              RETURNING id`
        )
        for (const row of rows) added.push(row.id)
      }
      fresh.length = 0
    }
    for (const comment of comments) {
      const articleKey = comment.article ? articleId(comment.article) : null
      const authorKey = comment.author ? authorId(comment.author) : null
      const raw = comment.raw && Object.keys(comment.raw).length > 0 ? JSON.stringify(comment.raw) : null
      const known = existing.get(comment.externalId)
      if (!known) {
        fresh.push(
          sql`(${sourceId}, ${comment.externalId}, ${articleKey}, ${authorKey}, ${comment.parentExternalId}, ${comment.text},
               ${comment.createdAt}, ${comment.modifiedAt}, ${comment.upstreamStatus}, ${comment.reports}, ${raw}, ${importedAt},
               ${comment.upstreamStatus})`
        )
        continue
      }
      const same = (column: string, value: unknown) => sql`${sql.ref(column)} IS NOT DISTINCT FROM ${value}`
      // A comment nobody has decided on follows its platform's status; a decided one keeps Sieve's.
      const changed = db.run(
        sql`UPDATE comments SET
              article_id = ${articleKey}, author_id = ${authorKey}, parent_external_id = ${comment.parentExternalId}, text = ${comment.text},
              created_at = ${comment.createdAt}, modified_at = ${comment.modifiedAt}, upstream_status = ${comment.upstreamStatus},
              reports = ${comment.reports}, raw = ${raw},
              status = CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = comments.id)
                            THEN status ELSE ${comment.upstreamStatus} END,
              scores = CASE WHEN ${same('text', comment.text)} THEN scores ELSE '{}' END,
              spans = CASE WHEN ${same('text', comment.text)} THEN spans ELSE '[]' END,
              priority = CASE WHEN ${same('text', comment.text)} THEN priority ELSE 0 END
            WHERE id = ${known.id} AND NOT (
              ${same('article_id', articleKey)} AND ${same('author_id', authorKey)} AND ${same('parent_external_id', comment.parentExternalId)}
              AND ${same('text', comment.text)} AND ${same('created_at', comment.createdAt)} AND ${same('modified_at', comment.modifiedAt)}
              AND ${same('upstream_status', comment.upstreamStatus)} AND ${same('reports', comment.reports)} AND ${same('raw', raw)})`
      )
      if (changed === 0) counts.unchanged++
      else {
        counts.updated++
        if (known.text !== comment.text) dropScores(db, known.id)
      }
    }
    insertFresh()
    const index = added.length ? db.dialect.indexText(added) : null
    if (index) db.run(index)
    counts.added = added.length
    return counts
  }
  return { write: (comments, now) => db.transaction(() => write(comments, now)) }
}

/** Writes one batch (a convenience for callers that write once). */
export function upsertComments(db: Db, sourceId: number, comments: IncomingComment[], now: Date): UpsertCounts {
  return commentWriter(db, sourceId).write(comments, now)
}

/** Sieve's id for a comment named by its source id (the command line's way of naming comments). */
export function resolveExternalId(db: Db, externalId: string): number {
  // Sources first: one (source, external id) index probe per source, never a scan of the comments.
  const rows = db.all<{ id: number }>(
    sql`SELECT c.id FROM sources s ${db.dialect.joinInOrder} comments c ON c.source_id = s.id AND c.external_id = ${externalId} LIMIT 2`
  )
  if (rows.length === 0) throw new UserError(`No comment has the id "${externalId}".`)
  if (rows.length > 1) throw new UserError(`More than one source has a comment with the id "${externalId}".`)
  return rows[0].id
}
