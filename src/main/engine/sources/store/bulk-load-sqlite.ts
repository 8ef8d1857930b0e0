// SQLite only: a large import loaded the way SQLite loads fastest. The comments' secondary indexes are
// dropped and the full-text index left alone while the rows go in, a batch a transaction; then both are
// built once, over all the rows. (PostgreSQL imports keep the
// ordinary path: comments.ts's writer.)
//
// Crash-safe: the indexes are dropped in the same transaction that records how to build them again (a
// setting), and they are built again, and the record removed, in one transaction at the end. A process
// killed in between leaves that record behind: the next open of the database (openDatabase) finishes the
// load. The rows that landed stay; importing the file again updates them, never duplicates them (the
// (source, external id) key is never dropped).
import type { Db } from '../../database/database'
import { compile } from '../../database/sql/compile'
import { sql, type RawBuilder } from '../../database/sql/sql'
import type { IncomingComment } from './comments'

/** Files at least this big take the bulk path (about 40,000 comments). */
const BULK_MIN_BYTES = 16 * 2 ** 20
/** A generous guess at the smallest comment record, to tell a file's size in comments. */
const BYTES_PER_COMMENT = 200
const PENDING_KEY = 'sqlite_bulk_load'
const LOADING_CACHE_KIB = 16 * 1024

interface PendingLoad {
  /** The process loading (a load whose process is gone was interrupted). */
  pid: number
  /** The dropped indexes' CREATE statements. */
  indexes: string[]
}

/**
 * Whether an import of `fileBytes` should take the bulk path: a SQLite database, a big file, and no more
 * comments in the database than the file may hold (building every index again must pay for itself).
 */
export function suitsSqliteBulkLoad(db: Db, fileBytes: number): boolean {
  if (db.dialect.name !== 'sqlite' || fileBytes < BULK_MIN_BYTES || pendingLoad(db)) return false
  const comments = db.get<{ n: number | null }>(sql`SELECT max(id) AS n FROM comments`)?.n ?? 0
  return comments <= fileBytes / BYTES_PER_COMMENT
}

/** A comment with the line it came from, as a batch's JSON holds it (files/parsed-batches.ts). */
type LineComment = IncomingComment & { line: number; rawText: string | null }

export interface SqliteBulkBatch {
  added: number
  /** Records whose id appeared on an earlier line of the file. */
  repeated: { line: number; externalId: string; firstLine: number }[]
  /** Comments the database already has: for the ordinary writer, which updates them in place. */
  known: LineComment[]
}

export interface SqliteBulkLoad {
  /** Lands one batch in one transaction. */
  write(batch: LineComment[], now: Date): SqliteBulkBatch
  /** Builds the full-text index and the dropped indexes over every row, and ends the load. */
  finish(): void
}

let loads = 0

export function startSqliteBulkLoad(db: Db, sourceId: number): SqliteBulkLoad {
  const indexes = db.transaction(() => {
    const dropped = db
      .all<{ name: string; sql: string }>(sql`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'comments' AND sql IS NOT NULL`)
    for (const index of dropped) db.run(sql`DROP INDEX ${sql.id(index.name)}`)
    const pending: PendingLoad = { pid: process.pid, indexes: dropped.map((index) => index.sql) }
    db.run(sql`INSERT INTO settings (key, value) VALUES (${PENDING_KEY}, ${JSON.stringify(pending)})`)
    return pending.indexes
  })
  // Without the indexes, rows only append, and the indexes are built by sorting: a small page cache does,
  // and keeps the import's memory down.
  const connection = db.sqlite!
  const cacheSize = connection.pragma('cache_size', { simple: true }) as number
  connection.pragma(`cache_size = ${-LOADING_CACHE_KIB}`)
  // The ids this import has seen, with their first line: on disk, not in the heap.
  const seen = sql.id(`sieve_bulk_seen_${process.pid}_${++loads}`)
  db.run(sql`CREATE TEMP TABLE ${seen} (external_id TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID`)
  // Each statement prepared once and run a million times: compiling a template per row would cost more
  // than SQLite's own work. (Slots are filled in the order they appear.)
  const slot = null
  const source = sql.lit(sourceId)
  const prepare = (query: RawBuilder<unknown>) => connection.prepare(compile('sqlite', query).text)
  const see = prepare(sql`INSERT INTO ${seen} (external_id, line) VALUES (${slot}, ${slot}) ON CONFLICT DO NOTHING`)
  const firstLine = prepare(sql`SELECT line FROM ${seen} WHERE external_id = ${slot}`).pluck()
  const article = prepare(
    sql`INSERT INTO articles (source_id, external_id, title, url) VALUES (${source}, ${slot}, ${slot}, ${slot})
        ON CONFLICT (source_id, external_id) DO UPDATE SET title = coalesce(excluded.title, articles.title), url = coalesce(excluded.url, articles.url)
        RETURNING id`
  ).pluck()
  const author = prepare(
    sql`INSERT INTO authors (source_id, external_id, name) VALUES (${source}, ${slot}, ${slot})
        ON CONFLICT (source_id, external_id) DO UPDATE SET name = coalesce(excluded.name, authors.name)
        RETURNING id`
  ).pluck()
  // A comment the database already has is left to the ordinary writer (it updates in place).
  const insert = prepare(
    sql`INSERT INTO comments (source_id, external_id, article_id, author_id, parent_external_id, text, created_at, modified_at,
                              upstream_status, reports, raw, imported_at, status)
        VALUES (${source}, ${slot}, ${slot}, ${slot}, ${slot}, ${slot}, ${slot}, ${slot}, ${slot}, ${slot}, ${slot}, ${slot}, ${slot})
        ON CONFLICT (source_id, external_id) DO NOTHING`
  )
  // Articles and authors once per import, as the ordinary writer does (a later record's title or name wins).
  const articleIds = new Map<string, number>()
  const authorIds = new Map<string, number>()
  const articleId = (value: NonNullable<IncomingComment['article']>) => {
    const key = keyOf(value.externalId, value.title, value.url)
    let id = articleIds.get(key)
    if (id === undefined) articleIds.set(key, (id = article.get(value.externalId, value.title, value.url) as number))
    return id
  }
  const authorId = (value: NonNullable<IncomingComment['author']>) => {
    const key = keyOf(value.externalId, value.name)
    let id = authorIds.get(key)
    if (id === undefined) authorIds.set(key, (id = author.get(value.externalId, value.name) as number))
    return id
  }

  const write = (batch: LineComment[], now: Date): SqliteBulkBatch => {
    const result: SqliteBulkBatch = { added: 0, repeated: [], known: [] }
    const importedAt = now.toISOString()
    for (const comment of batch) {
      const { line, externalId } = comment
      if (see.run(externalId, line).changes === 0) {
        result.repeated.push({ line, externalId, firstLine: firstLine.get(externalId) as number })
        continue
      }
      const added = insert.run(
        externalId,
        comment.article ? articleId(comment.article) : null,
        comment.author ? authorId(comment.author) : null,
        comment.parentExternalId,
        comment.text,
        comment.createdAt,
        comment.modifiedAt,
        comment.upstreamStatus,
        comment.reports,
        comment.rawText,
        importedAt,
        comment.upstreamStatus
      ).changes
      if (added) result.added++
      else result.known.push(comment)
    }
    return result
  }

  return {
    write: (batch, now) => db.transaction(() => write(batch, now)),
    finish() {
      db.run(sql`DROP TABLE IF EXISTS ${seen}`)
      try {
        buildIndexes(db, indexes)
      } finally {
        connection.pragma(`cache_size = ${cacheSize}`)
      }
    }
  }
}

/** A map key for an article or author as delivered (cheaper than JSON, a million times over; null is not ""). */
const keyOf = (...parts: (string | null)[]) => parts.map((part) => (part === null ? '\u0001' : `\u0002${part}`)).join('\u0000')

/** Finishes a bulk load whose process was killed: run when the database is opened. */
export function finishInterruptedSqliteBulkLoad(db: Db): void {
  const pending = pendingLoad(db)
  if (pending && !isRunning(pending.pid)) buildIndexes(db, pending.indexes)
}

function buildIndexes(db: Db, indexes: string[]): void {
  db.transaction(() => {
    // Rebuilt from the comments themselves: right whatever else wrote to them meanwhile.
    db.run(sql`INSERT INTO comments_fts (comments_fts) VALUES ('rebuild')`)
    for (const create of indexes) db.exec(create.replace(/^CREATE (UNIQUE )?INDEX /i, 'CREATE $1INDEX IF NOT EXISTS '))
    db.run(sql`DELETE FROM settings WHERE key = ${PENDING_KEY}`)
  })
}

function pendingLoad(db: Db): PendingLoad | null {
  const row = db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${PENDING_KEY}`)
  return row ? (JSON.parse(row.value) as PendingLoad) : null
}

/** Whether a process of this machine is alive (SQLite files are local: the loader ran here). */
function isRunning(pid: number): boolean {
  // This process's own load is running, on this connection or another.
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
