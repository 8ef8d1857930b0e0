// Streams an NDJSON file into the store in batches: constant memory, bad lines reported, good ones kept.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Db } from '../../store/database'
import { upsertComments, type IncomingComment } from '../../store/comments'
import { emptyReport, type ImportReport } from '../import-report'
import { fromInterchange } from './interchange'

const BATCH = 2000

export async function importNdjson(db: Db, sourceId: number, path: string, now: () => Date): Promise<ImportReport> {
  const report = emptyReport()
  const seen = new Map<string, number>()
  let batch: IncomingComment[] = []
  const flush = () => {
    const counts = upsertComments(db, sourceId, batch, now())
    report.added += counts.added
    report.updated += counts.updated
    report.unchanged += counts.unchanged
    batch = []
  }
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  let lineNumber = 0
  for await (const line of lines) {
    lineNumber++
    if (line.trim() === '') continue
    try {
      const comment = fromInterchange(JSON.parse(line))
      const firstLine = seen.get(comment.externalId)
      if (firstLine !== undefined) throw new Error(`id "${comment.externalId}" already appeared on line ${firstLine}`)
      seen.set(comment.externalId, lineNumber)
      batch.push(comment)
    } catch (error) {
      report.rejected.push({ line: lineNumber, reason: reasonOf(error) })
    }
    if (batch.length >= BATCH) flush()
  }
  flush()
  return report
}

function reasonOf(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON (${error.message})`
  return error instanceof Error ? error.message : String(error)
}
