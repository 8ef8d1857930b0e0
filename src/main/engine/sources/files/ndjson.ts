// Sieve's NDJSON interchange format, one comment per line, streamed into the store in batches:
// constant memory (each line capped), bad lines reported, good ones kept.
import type { Readable } from 'node:stream'
import type { Db } from '../../database/database'
import { openFileInput } from './file-input'
import { cappedLines } from './capped-lines'
import { fromInterchange } from './interchange'
import { landRecords, type LandedReport, type LandOptions, type ParsedRecord } from './land-records'
import { characters, MAX_NDJSON_LINE } from './record-caps'

export async function* ndjsonRecords(text: Readable): AsyncGenerator<ParsedRecord> {
  for await (const read of cappedLines(text, MAX_NDJSON_LINE)) {
    const { line } = read
    if (!('text' in read)) {
      yield { line, reason: `the line is longer than ${characters(MAX_NDJSON_LINE)} (the NDJSON line cap); it was skipped unread` }
      continue
    }
    // Editors on Windows start UTF-8 files with a byte-order mark, which JSON.parse refuses.
    const json = line === 1 ? read.text.replace(/^\ufeff/, '') : read.text
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
