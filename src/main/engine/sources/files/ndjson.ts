// Sieve's NDJSON interchange format, one comment per line, streamed into the store in batches:
// constant memory, bad lines reported, good ones kept.
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import type { Db } from '../../store/database'
import { openFileInput } from './file-input'
import { fromInterchange } from './interchange'
import { landRecords, type LandedReport, type LandOptions, type ParsedRecord } from './land-records'

export async function* ndjsonRecords(text: Readable): AsyncGenerator<ParsedRecord> {
  const lines = createInterface({ input: text, crlfDelay: Infinity })
  let line = 0
  for await (const content of lines) {
    line++
    // Editors on Windows start UTF-8 files with a byte-order mark, which JSON.parse refuses.
    const json = line === 1 ? content.replace(/^\ufeff/, '') : content
    if (json.trim() === '') continue
    try {
      yield { line, comment: fromInterchange(JSON.parse(json)) }
    } catch (error) {
      yield { line, reason: reasonOf(error) }
    }
  }
}

export async function importNdjson(
  db: Db,
  sourceId: number,
  path: string,
  now: () => Date,
  options: Omit<LandOptions, 'now'> = {}
): Promise<LandedReport> {
  const input = await openFileInput(path)
  return landRecords(db, sourceId, ndjsonRecords(input.text), input, { ...options, now })
}

function reasonOf(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON (${error.message})`
  return error instanceof Error ? error.message : String(error)
}
