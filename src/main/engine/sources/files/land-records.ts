// Lands parsed records in the store, 2000 to a transaction: constant memory however big the file,
// every bad record reported with its line, an id seen twice in one file refused the second time,
// progress by bytes read, and a cancel that keeps what already landed.
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
import { commentWriter, type IncomingComment } from '../store/comments'
import { emptyReport, type ImportReport } from '../import-report'
import type { FileInput } from './file-input'

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
  /** Checked after every record; on abort the records read so far land and the import stops. */
  signal?: AbortSignal
}

export type LandedReport = ImportReport & { cancelled: boolean }

const BATCH = 2000
let tempTables = 0

export async function landRecords(
  db: Db,
  sourceId: number,
  records: AsyncIterable<ParsedRecord>,
  input: FileInput,
  options: LandOptions
): Promise<LandedReport> {
  const report: LandedReport = { ...emptyReport(), cancelled: false }
  const seen = seenIds(db)
  const writer = commentWriter(db, sourceId)
  let batch: { line: number; comment: IncomingComment }[] = []
  const flush = () => db.transaction(() => {
    const taken = batch
    batch = []
    const fresh: IncomingComment[] = []
    for (const { line, comment } of taken) {
      const firstLine = seen.firstLine(comment.externalId, line)
      if (firstLine === null) fresh.push(comment)
      else report.rejected.push({ line, reason: `id "${comment.externalId}" already appeared on line ${firstLine}` })
    }
    const counts = writer.write(fresh, options.now())
    report.added += counts.added
    report.updated += counts.updated
    report.unchanged += counts.unchanged
  })
  let reported = -1
  const progress = (bytesRead: number) => {
    if (bytesRead === reported) return
    reported = bytesRead
    options.onProgress?.({ bytesRead, totalBytes: Math.max(input.totalBytes, bytesRead) })
  }
  try {
    progress(0)
    report.cancelled = options.signal?.aborted ?? false
    if (!report.cancelled) {
      for await (const record of records) {
        const refusal = 'comment' in record ? unstorable(db, record.comment) : null
        if (refusal) report.rejected.push({ line: record.line, reason: refusal })
        else if ('comment' in record) {
          batch.push(record)
          if (record.note) report.notes.push({ line: record.line, note: record.note })
        } else report.rejected.push({ line: record.line, reason: record.reason })
        if (batch.length >= BATCH) flush()
        progress(input.bytesRead())
        if (options.signal?.aborted) {
          report.cancelled = true
          break
        }
      }
    }
  } finally {
    // What was read before a cancel (or a failure further on) still lands.
    try {
      if (batch.length > 0) flush()
    } finally {
      input.close()
      seen.drop()
    }
  }
  if (!report.cancelled) progress(Math.max(input.totalBytes, input.bytesRead()))
  // Duplicates are found when their batch lands, so sort the rejections back into file order.
  report.rejected.sort((a, b) => a.line - b.line)
  return report
}

/** Why the store cannot keep this comment as written, if it cannot: PostgreSQL's text holds no NUL character. */
function unstorable(db: Db, comment: IncomingComment): string | null {
  if (db.dialect.name !== 'postgres' || !JSON.stringify(comment).includes('\\u0000')) return null
  return 'it contains a NUL character (U+0000), which a team database (PostgreSQL) cannot store'
}

/**
 * The ids this import has seen, in a temporary table rather than in memory: a file of millions of
 * comments costs disk pages, not heap.
 */
function seenIds(db: Db) {
  const table = sql.id(`sieve_import_seen_${process.pid}_${++tempTables}`)
  db.run(sql`CREATE TEMP TABLE ${table} (external_id TEXT PRIMARY KEY, line INTEGER NOT NULL)`)
  return {
    /** Records the id; null when it is new, else the line it first appeared on. */
    firstLine: (id: string, line: number): number | null =>
      db.run(sql`INSERT INTO ${table} (external_id, line) VALUES (${id}, ${line}) ON CONFLICT DO NOTHING`) === 1
        ? null
        : (db.get<{ line: number }>(sql`SELECT line FROM ${table} WHERE external_id = ${id}`)?.line ?? null),
    drop: () => db.run(sql`DROP TABLE IF EXISTS ${table}`)
  }
}
