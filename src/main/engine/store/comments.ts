// Comments as sources deliver them: sources, articles, authors and comments, upserted by external id.
import type { Status } from '../../../shared/model'
import { UserError } from '../errors'
import type { Db } from './database'

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

export function ensureSource(db: Db, kind: string, name: string, now: Date): number {
  db.prepare('INSERT INTO sources (kind, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING').run(
    kind,
    name,
    now.toISOString()
  )
  return db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE name = ?').get(name)!.id
}

/**
 * Writes a batch of comments in one transaction. Re-delivering a comment updates it in place; its
 * decisions and the state they gave it are never touched, and changed text drops its stale scores.
 */
export function upsertComments(db: Db, sourceId: number, comments: IncomingComment[], now: Date): UpsertCounts {
  const statements = prepare(db)
  const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 }
  const importedAt = now.toISOString()
  db.transaction(() => {
    for (const comment of comments) {
      const articleId = comment.article
        ? statements.article.get(sourceId, comment.article.externalId, comment.article.title, comment.article.url)!.id
        : null
      const authorId = comment.author
        ? statements.author.get(sourceId, comment.author.externalId, comment.author.name)!.id
        : null
      const row = {
        sourceId,
        externalId: comment.externalId,
        articleId,
        authorId,
        parent: comment.parentExternalId,
        text: comment.text,
        createdAt: comment.createdAt,
        modifiedAt: comment.modifiedAt,
        upstreamStatus: comment.upstreamStatus,
        reports: comment.reports,
        raw: comment.raw && Object.keys(comment.raw).length > 0 ? JSON.stringify(comment.raw) : null,
        importedAt
      }
      const existing = statements.find.get(sourceId, comment.externalId)
      if (!existing) {
        statements.insert.run(row)
        counts.added++
        continue
      }
      const result = statements.update.run({ ...row, id: existing.id })
      if (result.changes === 0) {
        counts.unchanged++
        continue
      }
      counts.updated++
      if (existing.text !== comment.text) statements.dropScores.run(existing.id)
    }
  })()
  return counts
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
    find: db.prepare<[number, string], { id: number; text: string }>(
      'SELECT id, text FROM comments WHERE source_id = ? AND external_id = ?'
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
    dropScores: db.prepare('DELETE FROM scores WHERE comment_id = ?')
  }
}

/** Sieve's id for a comment named by its source id (the command line's way of naming comments). */
export function resolveExternalId(db: Db, externalId: string): number {
  const rows = db.prepare<[string], { id: number }>('SELECT id FROM comments WHERE external_id = ? LIMIT 2').all(externalId)
  if (rows.length === 0) throw new UserError(`No comment has the id "${externalId}".`)
  if (rows.length > 1) throw new UserError(`More than one source has a comment with the id "${externalId}".`)
  return rows[0].id
}
