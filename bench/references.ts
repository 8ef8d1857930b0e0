// What each benchmark figure is compared with: plain better-sqlite3 doing the same work on the same corpus
// and the same schema, in the same run, with none of Sieve's layers (no validation, no decision log, no
// client). A ratio to these travels from machine to machine; a figure alone does not.
//
// The schema is read from the database the engine created (its tables, full-text index, indexes and
// triggers) and the connection takes the engine's settings, so a reference keeps the indexes Sieve keeps.
// The SQL below is the bench's own: plain statements a developer would write, not the engine's.
import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
import Database from 'better-sqlite3'
import { stringify } from 'csv-stringify/sync'
import type { QueueId, SortKey } from '../src/shared/model'

type Db = Database.Database

export interface Schema {
  /** CREATE TABLE statements, in the order the engine made them (what rows go into). */
  tables: string[]
  /** Full-text tables: built after the rows. */
  virtualTables: { name: string; sql: string }[]
  /** CREATE INDEX statements (not the automatic ones of UNIQUE constraints): built after the rows. */
  indexes: string[]
  triggers: string[]
  /** The engine connection's settings that bear on speed. */
  pragmas: { journal_mode: string; synchronous: number; foreign_keys: number; cache_size: number }
}

/** Reads the schema and connection settings of `db`, a connection opened the way the engine opens one. */
export function readSchema(db: Db): Schema {
  // table_list tells a full-text table's shadow tables (its own storage) from the tables they index.
  const kinds = new Map(
    db
      .prepare<[], { name: string; type: string }>("SELECT name, type FROM pragma_table_list WHERE schema = 'main'")
      .all()
      .map((table) => [table.name, table.type])
  )
  const entries = db
    .prepare<[], { type: string; name: string; sql: string | null }>("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")
    .all()
  const pragma = (name: string) => db.pragma(name, { simple: true }) as never
  return {
    tables: entries.filter((entry) => entry.type === 'table' && kinds.get(entry.name) === 'table' && !entry.name.startsWith('sqlite_')).map((entry) => entry.sql!),
    virtualTables: entries.filter((entry) => entry.type === 'table' && kinds.get(entry.name) === 'virtual').map((entry) => ({ name: entry.name, sql: entry.sql! })),
    indexes: entries.filter((entry) => entry.type === 'index').map((entry) => entry.sql!),
    triggers: entries.filter((entry) => entry.type === 'trigger').map((entry) => entry.sql!),
    pragmas: {
      journal_mode: pragma('journal_mode'),
      synchronous: pragma('synchronous'),
      foreign_keys: pragma('foreign_keys'),
      cache_size: pragma('cache_size')
    }
  }
}

/** A plain connection with the engine's settings. */
export function connect(path: string, schema: Schema, options: { readonly?: boolean } = {}): Db {
  const db = new Database(path, { readonly: options.readonly ?? false })
  if (!options.readonly) db.pragma(`journal_mode = ${schema.pragmas.journal_mode}`)
  db.pragma(`synchronous = ${schema.pragmas.synchronous}`)
  db.pragma(`foreign_keys = ${schema.pragmas.foreign_keys}`)
  db.pragma(`cache_size = ${schema.pragmas.cache_size}`)
  return db
}

/** One comment of the bench's corpus (bench/corpus.ts), as its NDJSON line has it. */
interface CorpusComment {
  id: string
  text: string
  author: { id: string; name: string }
  article: { id: string; title: string; url: string }
  parentId: string | null
  createdAt: string
  status: string
  reports: number
}

const ROWS_PER_TRANSACTION = 10_000

/**
 * Import: the corpus loaded into a fresh database with the engine's tables, rows first (JSON parsing
 * included), then the full-text index and the secondary indexes built after. Returns the rows loaded.
 */
export async function referenceImport(schema: Schema, corpusPath: string, dbPath: string): Promise<number> {
  const db = connect(dbPath, schema)
  try {
    for (const sql of schema.tables) db.exec(sql)
    const now = new Date().toISOString()
    const sourceId = Number(db.prepare("INSERT INTO sources (kind, name, created_at) VALUES ('file', 'bench', ?)").run(now).lastInsertRowid)
    const insertArticle = db.prepare('INSERT INTO articles (source_id, external_id, title, url) VALUES (?, ?, ?, ?)')
    const insertAuthor = db.prepare('INSERT INTO authors (source_id, external_id, name) VALUES (?, ?, ?)')
    const insertComment = db.prepare(`INSERT INTO comments (source_id, external_id, article_id, author_id, parent_external_id, text,
      created_at, upstream_status, status, reports, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const articles = new Map<string, number>()
    const authors = new Map<string, number>()
    const write = db.transaction((batch: CorpusComment[]) => {
      for (const comment of batch) {
        let articleId = articles.get(comment.article.id)
        if (articleId === undefined) {
          articleId = Number(insertArticle.run(sourceId, comment.article.id, comment.article.title, comment.article.url).lastInsertRowid)
          articles.set(comment.article.id, articleId)
        }
        let authorId = authors.get(comment.author.id)
        if (authorId === undefined) {
          authorId = Number(insertAuthor.run(sourceId, comment.author.id, comment.author.name).lastInsertRowid)
          authors.set(comment.author.id, authorId)
        }
        insertComment.run(sourceId, comment.id, articleId, authorId, comment.parentId, comment.text, comment.createdAt, comment.status, comment.status, comment.reports, now)
      }
    })
    let rows = 0
    let batch: CorpusComment[] = []
    for await (const line of createInterface({ input: createReadStream(corpusPath), crlfDelay: Infinity })) {
      if (!line) continue
      batch.push(JSON.parse(line) as CorpusComment)
      if (batch.length === ROWS_PER_TRANSACTION) {
        write(batch)
        rows += batch.length
        batch = []
      }
    }
    write(batch)
    rows += batch.length
    // Then the indexes, each built once over the rows in place.
    db.transaction(() => {
      for (const { name, sql } of schema.virtualTables) {
        db.exec(sql)
        db.prepare(`INSERT INTO "${name}" ("${name}") VALUES ('rebuild')`).run()
      }
      for (const sql of schema.indexes) db.exec(sql)
      for (const sql of schema.triggers) db.exec(sql)
    })()
    return rows
  } finally {
    db.close()
  }
}

/** What each queue holds, as plain SQL over `comments c`. */
const QUEUE_WHERE: Record<QueueId, string> = {
  review: "c.status = 'pending'",
  likely: "c.status = 'pending' AND c.flagged = 1",
  reported: "c.status = 'pending' AND c.reports > 0",
  teach: "c.status = 'pending'",
  escalated: 'c.id IN (SELECT comment_id FROM escalations WHERE resolved_at IS NULL)',
  approved: "c.status = 'approved'",
  removed: "c.status = 'removed'",
  disabled: "c.status = 'disabled'",
  conflicts: 'c.conflict IS NOT NULL',
  all: '1'
}
const SORT_ORDER: Record<SortKey, { column: string; direction: 'ASC' | 'DESC' }> = {
  priority: { column: 'priority', direction: 'DESC' },
  newest: { column: 'created_at', direction: 'DESC' },
  oldest: { column: 'created_at', direction: 'ASC' },
  reports: { column: 'reports', direction: 'DESC' },
  teach: { column: 'teach_rank', direction: 'DESC' }
}
/** A row as a plain app would show it: the comment with its article's title and author's name. */
const ROW = `SELECT c.id, c.external_id, substr(c.text, 1, 1000) AS text, c.created_at, c.reports, c.status, c.clause,
  c.priority, c.scores, ar.title, au.name FROM comments c
  LEFT JOIN articles ar ON ar.id = c.article_id LEFT JOIN authors au ON au.id = c.author_id`

/** Queue pages: the same queue, ORDER BY and LIMIT, keyset on (sort key, id); each page's time in ms. */
export function referencePages(db: Db, queues: readonly QueueId[], sorts: readonly SortKey[], pages: number, limit: number): number[] {
  const times: number[] = []
  for (const queue of queues) {
    for (const sort of sorts) {
      const { column, direction } = SORT_ORDER[sort]
      const order = `ORDER BY c.${column} ${direction}, c.id ${direction} LIMIT ${limit + 1}`
      const first = db.prepare(`${ROW} WHERE ${QUEUE_WHERE[queue]} ${order}`)
      const after = db.prepare(`${ROW} WHERE ${QUEUE_WHERE[queue]} AND (c.${column}, c.id) ${direction === 'DESC' ? '<' : '>'} (?, ?) ${order}`)
      let last: Record<string, unknown> | undefined
      for (let page = 0; page < pages; page++) {
        const started = performance.now()
        const rows = (last ? after.all(last[column], last.id) : first.all()) as Record<string, unknown>[]
        times.push(performance.now() - started)
        if (rows.length <= limit) break
        last = rows[limit - 1]
      }
    }
  }
  return times
}

/** The queues' counts: one plain count(*) per queue. */
export function referenceCounts(db: Db, queues: readonly QueueId[]): number {
  const started = performance.now()
  for (const queue of queues) db.prepare(`SELECT count(*) FROM comments c WHERE ${QUEUE_WHERE[queue]}`).pluck().get()
  return performance.now() - started
}

/** The first page of a full-text search, newest added first, as Sieve orders it; each search's time in ms. */
export function referenceSearch(db: Db, searches: string[], runs: number, limit: number): number[] {
  const search = db.prepare(`${ROW} WHERE c.id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?) ORDER BY c.id DESC LIMIT ${limit + 1}`)
  const times: number[] = []
  for (const words of searches) {
    const query = words.split(/\s+/).map((word) => `"${word}"`).join(' ')
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      search.all(query)
      times.push(performance.now() - started)
    }
  }
  return times
}

/**
 * A bulk decision and its undo: one plain UPDATE of the status over the same window of pending
 * comments, then one that puts those comments back. Run on a copy of the database.
 */
export function referenceBulk(db: Db, window: { since: string; until: string }): { changed: number; bulkMs: number; undoMs: number } {
  const where = "status = 'pending' AND created_at >= @since AND created_at < @until"
  // Which comments the undo puts back: noted before, untimed, as an app would keep them.
  db.exec('CREATE TEMP TABLE bench_changed (id INTEGER PRIMARY KEY)')
  db.prepare(`INSERT INTO temp.bench_changed SELECT id FROM comments WHERE ${where}`).run(window)
  const bulk = db.prepare(`UPDATE comments SET status = 'approved' WHERE ${where}`)
  const undo = db.prepare("UPDATE comments SET status = 'pending' WHERE id IN (SELECT id FROM temp.bench_changed)")
  let started = performance.now()
  const changed = bulk.run(window).changes
  const bulkMs = performance.now() - started
  started = performance.now()
  undo.run()
  const undoMs = performance.now() - started
  return { changed, bulkMs, undoMs }
}

/**
 * Export: every decision with its comment's id, article and author, read as plain arrays and turned into
 * CSV (csv-stringify, 2,000 rows at a time) into a file. Also says how much of that was csv-stringify's.
 */
export async function referenceExport(db: Db, path: string): Promise<{ rows: number; ms: number; stringifyMs: number }> {
  const started = performance.now()
  const out = createWriteStream(path)
  const scan = db
    .prepare(
      `SELECT d.*, c.external_id, ar.title, au.name FROM decisions d JOIN comments c ON c.id = d.comment_id
       LEFT JOIN articles ar ON ar.id = c.article_id LEFT JOIN authors au ON au.id = c.author_id ORDER BY d.id`
    )
    .raw()
  let rows = 0
  let stringifyMs = 0
  let chunk: unknown[][] = []
  const flush = async () => {
    const stringifying = performance.now()
    const text = stringify(chunk)
    stringifyMs += performance.now() - stringifying
    if (!out.write(text)) await once(out, 'drain')
    rows += chunk.length
    chunk = []
  }
  for (const row of scan.iterate() as IterableIterator<unknown[]>) {
    chunk.push(row)
    if (chunk.length === 2000) await flush()
  }
  await flush()
  out.end()
  await once(out, 'finish')
  return { rows, ms: performance.now() - started, stringifyMs }
}
