// Comments as sources deliver them: sources, articles, authors and comments, upserted by external id.
import type { Status } from '../../../../shared/model'
import { UserError } from '../../errors'
import type { Db } from '../../database/database'
import { dropScores } from '../../scoring/store/scores'

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
  return db.prepare('SELECT 1 FROM comments LIMIT 1').get() === undefined
}

export function ensureSource(db: Db, kind: string, name: string, now: Date): number {
  db.prepare('INSERT INTO sources (kind, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING').run(
    kind,
    name,
    now.toISOString()
  )
  return db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE name = ?').get(name)!.id
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
  const statements = prepare(db)
  const articleIds = new Map<string, number>()
  const authorIds = new Map<string, number>()
  const articleId = (article: NonNullable<IncomingComment['article']>) => {
    const key = JSON.stringify([article.externalId, article.title, article.url])
    let id = articleIds.get(key)
    if (id === undefined) {
      id = statements.article.get(sourceId, article.externalId, article.title, article.url)!.id
      articleIds.set(key, id)
    }
    return id
  }
  const authorId = (author: NonNullable<IncomingComment['author']>) => {
    const key = JSON.stringify([author.externalId, author.name])
    let id = authorIds.get(key)
    if (id === undefined) {
      id = statements.author.get(sourceId, author.externalId, author.name)!.id
      authorIds.set(key, id)
    }
    return id
  }
  const write = (comments: IncomingComment[], now: Date): UpsertCounts => {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 }
    const added: number[] = []
    const importedAt = now.toISOString()
    const existing = new Map(
      statements.existing.all(sourceId, JSON.stringify(comments.map((comment) => comment.externalId))).map((row) => [row.externalId, row])
    )
    for (const comment of comments) {
      const row = {
        sourceId,
        externalId: comment.externalId,
        articleId: comment.article ? articleId(comment.article) : null,
        authorId: comment.author ? authorId(comment.author) : null,
        parent: comment.parentExternalId,
        text: comment.text,
        createdAt: comment.createdAt,
        modifiedAt: comment.modifiedAt,
        upstreamStatus: comment.upstreamStatus,
        reports: comment.reports,
        raw: comment.raw && Object.keys(comment.raw).length > 0 ? JSON.stringify(comment.raw) : null,
        importedAt
      }
      const known = existing.get(comment.externalId)
      if (!known) {
        added.push(Number(statements.insert.run(row).lastInsertRowid))
      } else if (statements.update.run({ ...row, id: known.id }).changes === 0) {
        counts.unchanged++
      } else {
        counts.updated++
        if (known.text !== comment.text) dropScores(db, known.id)
      }
    }
    if (added.length) statements.index.run(JSON.stringify(added))
    counts.added = added.length
    return counts
  }
  return { write: (comments, now) => db.transaction(() => write(comments, now))() }
}

/** Writes one batch (a convenience for callers that write once). */
export function upsertComments(db: Db, sourceId: number, comments: IncomingComment[], now: Date): UpsertCounts {
  return commentWriter(db, sourceId).write(comments, now)
}

function prepare(db: Db) {
  return {
    article: db.prepare<[number, string, string | null, string | null], { id: number }>(`
      INSERT INTO articles (source_id, external_id, title, url) VALUES (?, ?, ?, ?)
      ON CONFLICT (source_id, external_id) DO UPDATE SET
        title = coalesce(excluded.title, title), url = coalesce(excluded.url, url)
      RETURNING id`),
    author: db.prepare<[number, string, string | null], { id: number }>(`
      INSERT INTO authors (source_id, external_id, name) VALUES (?, ?, ?)
      ON CONFLICT (source_id, external_id) DO UPDATE SET name = coalesce(excluded.name, name)
      RETURNING id`),
    existing: db.prepare<[number, string], { externalId: string; id: number; text: string }>(
      `SELECT external_id AS externalId, id, text FROM comments
       WHERE source_id = ? AND external_id IN (SELECT value FROM json_each(?))`
    ),
    insert: db.prepare(`
      INSERT INTO comments (source_id, external_id, article_id, author_id, parent_external_id, text, created_at,
                            modified_at, upstream_status, reports, raw, imported_at, status)
      VALUES (@sourceId, @externalId, @articleId, @authorId, @parent, @text, @createdAt,
              @modifiedAt, @upstreamStatus, @reports, @raw, @importedAt, @upstreamStatus)`),
    // A comment nobody has decided on follows its platform's status; a decided one keeps Sieve's.
    update: db.prepare(`
      UPDATE comments SET
        article_id = @articleId, author_id = @authorId, parent_external_id = @parent, text = @text,
        created_at = @createdAt, modified_at = @modifiedAt, upstream_status = @upstreamStatus,
        reports = @reports, raw = @raw,
        status = CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = comments.id)
                      THEN status ELSE @upstreamStatus END,
        scores = CASE WHEN text IS @text THEN scores ELSE '{}' END,
        spans = CASE WHEN text IS @text THEN spans ELSE '[]' END,
        priority = CASE WHEN text IS @text THEN priority ELSE 0 END
      WHERE id = @id AND NOT (
        article_id IS @articleId AND author_id IS @authorId AND parent_external_id IS @parent AND text IS @text
        AND created_at IS @createdAt AND modified_at IS @modifiedAt AND upstream_status IS @upstreamStatus
        AND reports IS @reports AND raw IS @raw)`),
    index: db.prepare(
      'INSERT INTO comments_fts (rowid, text) SELECT id, text FROM comments WHERE id IN (SELECT value FROM json_each(?))'
    )
  }
}

/** Sieve's id for a comment named by its source id (the command line's way of naming comments). */
export function resolveExternalId(db: Db, externalId: string): number {
  const rows = db
    // CROSS JOIN: one (source, external id) index probe per source, never a scan of the comments.
    .prepare<[string], { id: number }>(
      'SELECT c.id FROM sources s CROSS JOIN comments c ON c.source_id = s.id AND c.external_id = ? LIMIT 2'
    )
    .all(externalId)
  if (rows.length === 0) throw new UserError(`No comment has the id "${externalId}".`)
  if (rows.length > 1) throw new UserError(`More than one source has a comment with the id "${externalId}".`)
  return rows[0].id
}
