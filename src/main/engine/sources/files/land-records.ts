// Lands parsed records in the store, a batch (2000) to a transaction: constant memory however big the
// file, every bad record reported with its line, an id seen twice in one file refused the second time,
// progress by bytes read, and a cancel that keeps what already landed. A large file into a SQLite
// database takes the bulk path (store/bulk-load-sqlite.ts); everything else the ordinary writer.
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
import { commentWriter, type CommentWriter, type IncomingComment } from '../store/comments'
import { startSqliteBulkLoad, type SqliteBulkLoad } from '../store/bulk-load-sqlite'
import { emptyReport, type ImportReport } from '../import-report'
import type { FileInput } from './file-input'
import { batchesOf, type LineComment, type ParsedBatch } from './parsed-batches'

/**
 * What a format's reader yields for each record: the comment (with a note when it lands on an assumption),
 * or why the record was refused.
 */
export type ParsedRecord = { line: number; comment: IncomingComment; note?: string } | { line: number; reason: string }

export interface ImportProgress {
  bytesRead: number
  totalBytes: number
}

export interface LandOptions {
  now: () => Date
  onProgress?: (progress: ImportProgress) => void
  /** Checked after every batch; on abort the records read so far land and the import stops. */
  signal?: AbortSignal
  /** Take SQLite's bulk path (store/bulk-load-sqlite.ts); for large imports, see suitsSqliteBulkLoad. */
  bulk?: boolean
}

export type LandedReport = ImportReport & { cancelled: boolean }

let tempTables = 0
/** Two values a row in the table of ids seen. */
const SEEN_ROWS = 2000

/** Lands records read in this thread (the demo's file). */
export async function landRecords(
  db: Db,
  sourceId: number,
  records: AsyncIterable<ParsedRecord>,
  input: FileInput,
  options: LandOptions
): Promise<LandedReport> {
  try {
    return await landBatches(db, sourceId, batchesOf(records, input), input.totalBytes, options)
  } finally {
    input.close()
  }
}

export async function landBatches(
  db: Db,
  sourceId: number,
  batches: AsyncIterable<ParsedBatch>,
  totalBytes: number,
  options: LandOptions
): Promise<LandedReport> {
  const report: LandedReport = { ...emptyReport(), cancelled: false }
  const writer = commentWriter(db, sourceId)
  const lander = options.bulk ? bulkLander(db, sourceId, writer) : ordinaryLander(db, writer)
  let reported = -1
  const progress = (bytesRead: number) => {
    if (bytesRead === reported) return
    reported = bytesRead
    options.onProgress?.({ bytesRead, totalBytes: Math.max(totalBytes, bytesRead) })
  }
  let bytesRead = 0
  try {
    progress(0)
    report.cancelled = options.signal?.aborted ?? false
    if (!report.cancelled) {
      for await (const batch of batches) {
        report.rejected.push(...batch.rejected)
        report.notes.push(...batch.notes)
        if (batch.count > 0) lander.land(batch.comments, options.now(), report)
        bytesRead = batch.bytesRead
        progress(bytesRead)
        if (options.signal?.aborted) {
          report.cancelled = true
          break
        }
      }
    }
  } finally {
    lander.finish()
  }
  if (!report.cancelled) progress(Math.max(totalBytes, bytesRead))
  // Duplicates are found when their batch lands, so sort the rejections back into file order.
  report.rejected.sort((a, b) => a.line - b.line)
  return report
}

/** Why the store cannot keep this comment as written, if it cannot: PostgreSQL's text holds no NUL character. */
function unstorable(db: Db, comment: IncomingComment): string | null {
  if (db.dialect.name !== 'postgres' || !JSON.stringify(comment).includes('\\u0000')) return null
  return 'it contains a NUL character (U+0000), which a team database (PostgreSQL) cannot store'
}

interface Lander {
  land(comments: string, now: Date, report: LandedReport): void
  finish(): void
}

const repeatedReason = (externalId: string, firstLine: number) => `id "${externalId}" already appeared on line ${firstLine}`

function count(report: LandedReport, counts: { added: number; updated: number; unchanged: number }) {
  report.added += counts.added
  report.updated += counts.updated
  report.unchanged += counts.unchanged
}

/** The ordinary writer, row by row; the ids seen so far in a temporary table. */
function ordinaryLander(db: Db, writer: CommentWriter): Lander {
  const seen = seenIds(db)
  return {
    land: (json, now, report) =>
      db.transaction(() => {
        const storable: LineComment[] = []
        for (const record of JSON.parse(json) as LineComment[]) {
          const refusal = unstorable(db, record)
          if (refusal) report.rejected.push({ line: record.line, reason: refusal })
          else storable.push(record)
        }
        const firstLines = seen.firstLines(storable)
        const fresh: IncomingComment[] = []
        for (const { line, rawText: _, ...comment } of storable) {
          const firstLine = firstLines.get(comment.externalId)!
          if (firstLine === line) fresh.push(comment)
          else report.rejected.push({ line, reason: repeatedReason(comment.externalId, firstLine) })
        }
        count(report, writer.write(fresh, now))
      }),
    finish: () => seen.drop()
  }
}

/** SQLite's bulk path: new comments a batch a statement; those already known through the ordinary writer. */
function bulkLander(db: Db, sourceId: number, writer: CommentWriter): Lander {
  const load: SqliteBulkLoad = startSqliteBulkLoad(db, sourceId)
  return {
    // Rows can always be loaded again from the file: their commits need not wait for the disk.
    land: (json, now, report) =>
      db.relaxedTransaction(() => {
        const { added, repeated, known } = load.write(JSON.parse(json) as LineComment[], now)
        for (const { line, externalId, firstLine } of repeated) report.rejected.push({ line, reason: repeatedReason(externalId, firstLine) })
        count(report, { added, updated: 0, unchanged: 0 })
        if (known.length > 0) count(report, writer.write(known.map(({ line: _, rawText: __, ...comment }) => comment), now))
      }),
    finish: () => load.finish()
  }
}

/**
 * The ids this import has seen, in a temporary table rather than in memory: a file of millions of
 * comments costs disk pages, not heap.
 */
function seenIds(db: Db) {
  const table = sql.id(`sieve_import_seen_${process.pid}_${++tempTables}`)
  db.run(sql`CREATE TEMP TABLE ${table} (external_id TEXT PRIMARY KEY, line INTEGER NOT NULL)`)
  return {
    /**
     * Records a batch's ids; for each, the line it first appeared on (a record's own line when it is new).
     * A statement or two a batch, not one a record: on a team database each statement is a round trip.
     */
    firstLines(records: { externalId: string; line: number }[]): Map<string, number> {
      const lines = new Map<string, number>()
      for (const { externalId, line } of records) if (!lines.has(externalId)) lines.set(externalId, line)
      const batch = [...lines]
      for (let start = 0; start < batch.length; start += SEEN_ROWS) {
        const chunk = batch.slice(start, start + SEEN_ROWS)
        const added = new Set(
          db
            .all<{ id: string }>(
              sql`INSERT INTO ${table} (external_id, line) VALUES ${sql.join(chunk.map(([id, line]) => sql`(${id}, ${line})`))}
                  ON CONFLICT DO NOTHING RETURNING external_id AS id`
            )
            .map((row) => row.id)
        )
        const earlier = chunk.filter(([id]) => !added.has(id)).map(([id]) => id)
        if (earlier.length === 0) continue
        for (const row of db.all<{ id: string; line: number }>(sql`SELECT external_id AS id, line FROM ${table} WHERE external_id IN (${sql.join(earlier)})`))
          lines.set(row.id, row.line)
      }
      return lines
    },
    drop: () => db.run(sql`DROP TABLE IF EXISTS ${table}`)
  }
}
