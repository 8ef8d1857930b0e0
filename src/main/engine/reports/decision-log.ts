// The decision log as CSV or JSON: one row per decision, streamed in chunks so its size never matters.
// Rows come from SQLite as plain arrays (scores unpacked there, not in JS): a million rows take seconds.
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import { ATTRIBUTES, type DecisionLogEntry, type Scores } from '../../../shared/model'
import type { ReportFilter } from '../../../shared/reports'
import type { Db } from '../database/database'
import { REPORT_FROM, reportConditions } from './report-filter'

export type LogFormat = 'csv' | 'json'

const CHUNK = 2000

/** Each column: its CSV header and the SQL that reads it. */
const COLUMNS: [header: string, sql: string][] = [
  ['decision_id', 'd.id'],
  ['batch_id', 'd.batch_id'],
  ['decided_at', 'd.decided_at'],
  ['moderator', 'd.moderator'],
  ['machine', 'd.machine'],
  ['comment_id', 'c.external_id'],
  ['article', 'ar.title'],
  ['author', 'au.name'],
  ['action', 'd.action'],
  ['status_before', 'd.status_before'],
  ['status_after', 'd.status_after'],
  ['clause', 'd.clause_code'],
  ['clause_title', 'd.clause_title'],
  ['note', 'd.note'],
  ['automated', "CASE d.automated WHEN 1 THEN 'yes' ELSE 'no' END"],
  ['rule', 'd.rule'],
  // A decision on a platform's comment has an outbox entry; one on an imported or demo comment stays local.
  ['sync_state', "coalesce((SELECT o.state FROM outbox o WHERE o.decision_id = d.id), 'local')"],
  ...ATTRIBUTES.map((attribute): [string, string] => [`score_${attribute.toLowerCase()}`, `d.scores ->> '$.${attribute}'`])
]
const AT = Object.fromEntries(COLUMNS.map(([header], index) => [header, index]))
const FIRST_SCORE = AT.score_toxicity

const SELECT_COLUMNS = `SELECT ${COLUMNS.map(([, sql]) => sql).join(', ')}`

type LogRow = (string | number | null)[]

/** The whole log, or a report's period of it (same joins, so the same decisions as the summary counts). */
function logQuery(db: Db, filter?: ReportFilter): IterableIterator<LogRow> {
  if (!filter) {
    const sql = `${SELECT_COLUMNS} FROM decisions d JOIN comments c ON c.id = d.comment_id
      LEFT JOIN articles ar ON ar.id = c.article_id LEFT JOIN authors au ON au.id = c.author_id ORDER BY d.id`
    return db.prepare(sql).raw().iterate() as IterableIterator<LogRow>
  }
  const { where, params } = reportConditions(filter)
  return db.prepare(`${SELECT_COLUMNS} ${REPORT_FROM} ${where} ORDER BY d.id`).raw().iterate(params) as IterableIterator<LogRow>
}

function* chunks(db: Db, filter?: ReportFilter): Generator<LogRow[]> {
  let chunk: LogRow[] = []
  for (const row of logQuery(db, filter)) {
    chunk.push(row)
    if (chunk.length === CHUNK) {
      yield chunk
      chunk = []
    }
  }
  if (chunk.length) yield chunk
}

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
    await write(out, stringify([COLUMNS.map(([header]) => header)]))
    for (const chunk of chunks(db, filter)) await write(out, stringify(chunk, { escape_formulas: true }))
  } else {
    let first = true
    await write(out, '[')
    for (const chunk of chunks(db, filter)) {
      await write(out, chunk.map((row) => (first ? ((first = false), '\n') : ',\n') + JSON.stringify(toEntry(row))).join(''))
    }
    await write(out, first ? ']\n' : '\n]\n')
  }
}
