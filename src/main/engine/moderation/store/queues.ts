// Queue pages and counts, computed in SQL. Pages are keyset-paginated: the cursor is the last row's
// sort key and id, so page 5,000 costs what page 1 costs.
import { z } from 'zod'
import type { Filter } from '../../../../shared/filter'
import type { Attribute, CommentRow, QueueCounts, QueuePage, SortKey, Status } from '../../../../shared/model'
import type { Db } from '../../database/database'
import { filterConditions, whereClause } from './filter-sql'
import { SYNC_COLUMNS, syncState } from '../../sync/store/outbox'

/** The longest stretch of text a queue row carries; the detail pane loads the rest. */
export const EXCERPT_CHARS = 1000

interface SortSpec {
  column: 'priority' | 'created_at' | 'reports' | 'id'
  descending: boolean
}

/**
 * Search results come newest-added first whatever the sort: the search index yields them in id order,
 * so the first page of a word in 100,000 comments costs what a rare word's does.
 */
const SEARCH_SORT: SortSpec = { column: 'id', descending: true }

const SORT_SPECS: Record<SortKey, SortSpec> = {
  priority: { column: 'priority', descending: true },
  newest: { column: 'created_at', descending: true },
  oldest: { column: 'created_at', descending: false },
  reports: { column: 'reports', descending: true }
}

const cursorSchema = z.tuple([z.union([z.number(), z.string(), z.null()]), z.number().int()])

export interface PageQuery {
  filter: Filter
  sort: SortKey
  after: string | null
  limit: number
}

/** A comment row as SQLite returns it: its scores, spans, words and sync state still JSON text. */
export type CommentRowRecord = Omit<CommentRow, 'scores' | 'spans' | 'words' | 'sync' | 'escalated' | 'textTruncated'> & {
  escalated: number
  textTruncated: number
  scores: string
  spans: string
  words: string | null
  sync: string | null
  conflict: string | null
}

/** A CommentRow's columns but its text, over `comments c` and ROW_JOINS. */
export const ROW_COLUMNS = `c.id AS key, c.external_id AS id, au.name AS authorName, au.external_id AS authorId,
  ar.title AS articleTitle, ar.external_id AS articleId, s.name AS sourceName,
  c.created_at AS createdAt, c.reports, c.status, c.reason, c.priority, c.scores, c.spans, c.words, ${SYNC_COLUMNS},
  c.platform_status AS platformStatus,
  (SELECT count(*) FROM comments r WHERE r.author_id = c.author_id AND r.status = 'removed') AS authorRemoved,
  EXISTS (SELECT 1 FROM escalations e WHERE e.comment_id = c.id AND e.resolved_at IS NULL) AS escalated`
export const ROW_JOINS = `JOIN sources s ON s.id = c.source_id
  LEFT JOIN authors au ON au.id = c.author_id
  LEFT JOIN articles ar ON ar.id = c.article_id`

type RowRecord = CommentRowRecord & { sortValue: number | string | null }

export function queuePage(db: Db, query: PageQuery): QueuePage {
  const { column, descending } = query.filter.search ? SEARCH_SORT : SORT_SPECS[query.sort]
  const { where, params } = filterConditions(query.filter, {
    indexPriority: column === 'priority',
    indexStatus: column !== 'id'
  })
  params.limit = query.limit + 1
  params.excerpt = EXCERPT_CHARS
  if (query.after) {
    const [value, id] = parseCursor(query.after)
    where.push(`(c.${column}, c.id) ${descending ? '<' : '>'} (@afterValue, @afterId)`)
    params.afterValue = value
    params.afterId = id
  }
  const direction = descending ? 'DESC' : 'ASC'
  const sql = `
    SELECT ${ROW_COLUMNS}, substr(c.text, 1, @excerpt) AS text, length(c.text) > @excerpt AS textTruncated, c.${column} AS sortValue
    FROM comments c ${ROW_JOINS}
    ${whereClause({ where, params })}
    ORDER BY c.${column} ${direction}, c.id ${direction}
    LIMIT @limit`
  const records = db.prepare<Record<string, unknown>, RowRecord>(sql).all(params)
  const more = records.length > query.limit
  const rows = records.slice(0, query.limit)
  const last = rows.at(-1)
  return {
    rows: rows.map(toRow),
    next: more && last ? JSON.stringify([last.sortValue, last.key]) : null,
    latestKey: (db.prepare('SELECT coalesce(max(id), 0) AS n FROM comments').get() as { n: number }).n
  }
}

function parseCursor(cursor: string): z.infer<typeof cursorSchema> {
  try {
    return cursorSchema.parse(JSON.parse(cursor))
  } catch {
    throw new Error('That page cursor is not one Sieve handed out.')
  }
}

export function toRow(record: CommentRowRecord & { sortValue?: unknown }): CommentRow {
  const { sortValue: _unused, scores, spans, words, sync, conflict, escalated, textTruncated, ...rest } = record
  // Only spans and words that fall inside the excerpt can be highlighted in it.
  const inText = (span: { end: number }) => span.end <= record.text.length
  return {
    ...rest,
    textTruncated: textTruncated === 1,
    sync: syncState(sync, conflict),
    escalated: escalated === 1,
    scores: JSON.parse(scores),
    spans: JSON.parse(spans).filter(inText),
    words: words ? JSON.parse(words).filter(inText) : []
  }
}

export function queueCounts(db: Db): QueueCounts {
  const byStatus = new Map(
    db
      .prepare<[], { status: Status; n: number }>('SELECT status, count(*) AS n FROM comments GROUP BY status')
      .all()
      .map((row) => [row.status, row.n])
  )
  const count = (status: Status) => byStatus.get(status) ?? 0
  const single = (sql: string) => db.prepare<[], { n: number }>(sql).get()!.n
  return {
    review: count('pending'),
    likely: single("SELECT count(*) AS n FROM comments WHERE status = 'pending' AND flagged = 1"),
    reported: single("SELECT count(*) AS n FROM comments WHERE status = 'pending' AND reports > 0"),
    escalated: single('SELECT count(DISTINCT comment_id) AS n FROM escalations WHERE resolved_at IS NULL'),
    approved: count('approved'),
    removed: count('removed'),
    disabled: count('disabled'),
    conflicts: single('SELECT count(*) AS n FROM comments WHERE conflict IS NOT NULL'),
    all: [...byStatus.values()].reduce((a, b) => a + b, 0)
  }
}

/** How many comments a filter matches (what a bulk action over it would touch). */
export function countMatching(db: Db, filter: Filter): number {
  const conditions = filterConditions(filter)
  return db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM comments c ${whereClause(conditions)}`).get(conditions.params)!.n
}

/**
 * How the comments a filter matches spread over `buckets` equal score bands (the strongest attribute's
 * score, or one attribute's), for the score-band triage histogram.
 */
export function scoreHistogram(db: Db, filter: Filter, attribute: Attribute | null, buckets: number): number[] {
  const conditions = filterConditions(filter)
  const score = attribute ? `coalesce(c.scores ->> '$.${attribute}', 0)` : 'c.priority'
  const counts = new Array<number>(buckets).fill(0)
  const rows = db
    .prepare<Record<string, unknown>, { bucket: number; n: number }>(
      `SELECT min(CAST(${score} * @buckets AS INTEGER), @buckets - 1) AS bucket, count(*) AS n
       FROM comments c ${whereClause(conditions)} GROUP BY bucket`
    )
    .all({ ...conditions.params, buckets })
  for (const { bucket, n } of rows) counts[Math.max(0, bucket)] += n
  return counts
}
