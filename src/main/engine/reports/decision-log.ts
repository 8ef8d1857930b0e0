// The decision log as CSV or JSON: one row per decision, streamed in chunks so its size never matters.
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { ATTRIBUTES, type DecisionLogEntry, type Scores } from '../../../shared/model'
import type { ReportFilter } from '../../../shared/reports'
import type { Db } from '../database/database'
import { csvRows } from './csv-rows'
import { LOG_HEADERS, logChunks, type LogRow } from './store/decision-log-rows'

export type LogFormat = 'csv' | 'json'

const CHUNK = 2000
const AT = Object.fromEntries(LOG_HEADERS.map((header, index) => [header, index]))
const FIRST_SCORE = AT.score_toxicity

function toEntry(row: LogRow): DecisionLogEntry {
  const value = (header: string) => row[AT[header]]
  const scores: Scores = {}
  ATTRIBUTES.forEach((attribute, i) => {
    const score = row[FIRST_SCORE + i]
    if (score !== null) scores[attribute] = Number(score)
  })
  return {
    decisionId: value('decision_id') as number,
    batchId: value('batch_id') as number,
    decidedAt: value('decided_at') as string,
    moderator: value('moderator') as string,
    machine: value('machine') as string,
    commentId: value('comment_id') as string,
    articleTitle: value('article') as string | null,
    authorName: value('author') as string | null,
    action: value('action') as DecisionLogEntry['action'],
    statusBefore: value('status_before') as DecisionLogEntry['statusBefore'],
    statusAfter: value('status_after') as DecisionLogEntry['statusAfter'],
    clause: value('clause') as string | null,
    clauseTitle: value('clause_title') as string | null,
    note: value('note') as string | null,
    scores,
    automated: value('automated') === 'yes',
    rule: value('rule') as string | null,
    syncState: value('sync_state') as DecisionLogEntry['syncState']
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain')
}

/**
 * Writes the whole decision log to `out` (which stays open: its owner ends it). CSV cells that a
 * spreadsheet would run as formulas are escaped.
 */
export async function writeDecisionLog(db: Db, format: LogFormat, out: Writable, filter?: ReportFilter): Promise<void> {
  if (format === 'csv') {
    await write(out, csvRows([LOG_HEADERS]))
    for (const chunk of logChunks(db, CHUNK, filter)) await write(out, csvRows(chunk))
  } else {
    let first = true
    await write(out, '[')
    for (const chunk of logChunks(db, CHUNK, filter)) {
      await write(out, chunk.map((row) => (first ? ((first = false), '\n') : ',\n') + JSON.stringify(toEntry(row))).join(''))
    }
    await write(out, first ? ']\n' : '\n]\n')
  }
}
