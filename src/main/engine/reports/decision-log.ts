// The decision log as CSV or JSON: one row per decision, streamed so its size never matters.
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import { ATTRIBUTES, type DecisionLogEntry } from '../../../shared/model'
import type { Db } from '../store/database'
import { iterateDecisionLog } from '../store/decisions'

export type LogFormat = 'csv' | 'json'

const CSV_COLUMNS = [
  'decision_id',
  'batch_id',
  'decided_at',
  'moderator',
  'machine',
  'comment_id',
  'article',
  'author',
  'action',
  'status_before',
  'status_after',
  'clause',
  'clause_title',
  'note',
  'automated',
  'sync_state',
  ...ATTRIBUTES.map((attribute) => `score_${attribute.toLowerCase()}`)
]

function csvRecord(entry: DecisionLogEntry): unknown[] {
  return [
    entry.decisionId,
    entry.batchId,
    entry.decidedAt,
    entry.moderator,
    entry.machine,
    entry.commentId,
    entry.articleTitle,
    entry.authorName,
    entry.action,
    entry.statusBefore,
    entry.statusAfter,
    entry.clause,
    entry.clauseTitle,
    entry.note,
    entry.automated ? 'yes' : 'no',
    entry.syncState,
    ...ATTRIBUTES.map((attribute) => entry.scores[attribute] ?? null)
  ]
}

function* jsonChunks(entries: Iterable<DecisionLogEntry>): Generator<string> {
  let first = true
  yield '['
  for (const entry of entries) {
    yield (first ? '\n' : ',\n') + JSON.stringify(entry)
    first = false
  }
  yield first ? ']\n' : '\n]\n'
}

/** Writes the whole decision log to `out`. CSV cells that a spreadsheet would run as formulas are escaped. */
export async function writeDecisionLog(db: Db, format: LogFormat, out: Writable): Promise<void> {
  const entries = iterateDecisionLog(db)
  if (format === 'json') {
    await pipeline(Readable.from(jsonChunks(entries)), out)
    return
  }
  const csv = stringify({ header: true, columns: CSV_COLUMNS, escape_formulas: true, cast: { boolean: String } })
  await pipeline(
    Readable.from(entries).map((entry: DecisionLogEntry) => csvRecord(entry)),
    csv,
    out
  )
}
