// Queue pages and counts, computed in SQL. Pages are keyset-paginated: the cursor is the last row's
// sort key and id, so page 5,000 costs what page 1 costs.
import { z } from 'zod'
import type { Filter } from '../../../../shared/filter'
import type { Attribute, CommentRow, QueueCounts, QueuePage, SortKey, Status } from '../../../../shared/model'
import type { RawBuilder } from 'kysely'
import type { Db } from '../../database/database'
import type { Dialect } from '../../database/sql/dialect'
import { sql } from '../../database/sql/sql'
import { syncColumns, syncState } from '../../sync/store/outbox'
import { filterConditions, whereClause } from './filter-sql'
import { versionOf } from './versions'
import { claimedByOthersCondition } from '../../team/store/claims'

/** The longest stretch of text a queue row carries; the detail pane loads the rest. */
export const EXCERPT_CHARS = 1000

interface SortSpec {
  column: 'priority' | 'created_at' | 'reports' | 'teach_rank' | 'id'
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
  reports: { column: 'reports', descending: true },
  // Kept by scoring/store/teaching.ts: the least sure first, near-duplicates of those after them all.
  teach: { column: 'teach_rank', descending: true }
}

const cursorSchema = z.tuple([z.union([z.number(), z.string(), z.null()]), z.number().int()])

export interface PageQuery {
  filter: Filter
  sort: SortKey
  after: string | null
  limit: number
}

/** A comment row as the database returns it: its scores, spans, words and sync state still JSON text. */
export type CommentRowRecord = Omit<CommentRow, 'scores' | 'spans' | 'words' | 'sync' | 'escalated' | 'textTruncated'> & {
  escalated: number
  textTruncated: number
  scores: string
  spans: string
  words: string | null
  sync: string | null
  conflict: string | null
  version: number
}

/** A CommentRow's columns but its text, over `comments c` and ROW_JOINS. */
export function rowColumns(dialect: Dialect): RawBuilder<unknown> {
  return sql`c.id AS key, c.external_id AS id, au.name AS "authorName", au.external_id AS "authorId",
    ar.title AS "articleTitle", ar.external_id AS "articleId", s.name AS "sourceName",
    c.created_at AS "createdAt", c.reports, c.status, c.clause, c.suggested_clause AS "suggestedClause", c.priority, c.scores, c.spans, c.words, ${syncColumns(dialect)},
    c.platform_status AS "platformStatus",
    (SELECT count(*) FROM comments r WHERE r.author_id = c.author_id AND r.status = 'removed') AS "authorRemoved",
    CASE WHEN EXISTS (SELECT 1 FROM escalations e WHERE e.comment_id = c.id AND e.resolved_at IS NULL) THEN 1 ELSE 0 END AS escalated,
    ${versionOf} AS version`
}
export const ROW_JOINS = sql`JOIN sources s ON s.id = c.source_id
  LEFT JOIN authors au ON au.id = c.author_id
  LEFT JOIN articles ar ON ar.id = c.article_id`

type RowRecord = CommentRowRecord & { sortValue: number | string | null }

/** The Reported queue's own index for each order (migration 011); by reports, comments_status_reports serves. */
const REPORTED_INDEXES: Partial<Record<SortSpec['column'], string>> = {
  priority: 'comments_reported_priority',
  created_at: 'comments_reported_created',
  teach_rank: 'comments_reported_teach'
}

export function queuePage(db: Db, query: PageQuery): QueuePage {
  const { column, descending } = query.filter.search ? SEARCH_SORT : SORT_SPECS[query.sort]
  const where = filterConditions(db.dialect, query.filter, { indexPriority: column === 'priority', indexStatus: column !== 'id' })
  // In a team, what a teammate is reading is skipped (their claim lapses if they go).
  for (const claimed of claimedByOthersCondition(db)) where.push(sql`NOT ${claimed}`)
  const sortColumn = sql.ref(`c.${column}`)
  if (query.after) {
    const [value, id] = parseCursor(query.after)
    where.push(sql`(${sortColumn}, c.id) ${descending ? sql`<` : sql`>`} (${value}, ${id})`)
  }
  const direction = descending ? sql`DESC` : sql`ASC`
  const reportedIndex = query.filter.queue === 'reported' && !query.filter.search ? REPORTED_INDEXES[column] : undefined
  const hint = reportedIndex ? db.dialect.indexedBy(reportedIndex) : sql``
  const records = db.all<RowRecord>(
    sql`SELECT ${rowColumns(db.dialect)}, substr(c.text, 1, ${EXCERPT_CHARS}) AS text,
               CASE WHEN length(c.text) > ${EXCERPT_CHARS} THEN 1 ELSE 0 END AS "textTruncated", ${sortColumn} AS "sortValue"
        FROM comments c ${hint} ${ROW_JOINS}
        ${whereClause(where)}
        ORDER BY ${sortColumn} ${direction}, c.id ${direction}
        LIMIT ${query.limit + 1}`
  )
  const more = records.length > query.limit
  const rows = records.slice(0, query.limit)
  const last = rows.at(-1)
  return {
    rows: rows.map(toRow),
    next: more && last ? JSON.stringify([last.sortValue, last.key]) : null,
    latestKey: db.get<{ n: number }>(sql`SELECT coalesce(max(id), 0) AS n FROM comments`)!.n
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
  const byStatus = new Map(db.all<{ status: Status; n: number }>(sql`SELECT status, count(*) AS n FROM comments GROUP BY status`).map((row) => [row.status, row.n]))
  const count = (status: Status) => byStatus.get(status) ?? 0
  const single = (query: RawBuilder<unknown>) => db.get<{ n: number }>(query)!.n
  return {
    review: count('pending'),
    likely: single(sql`SELECT count(*) AS n FROM comments WHERE status = 'pending' AND flagged = 1`),
    reported: single(sql`SELECT count(*) AS n FROM comments WHERE status = 'pending' AND reports > 0`),
    teach: count('pending'),
    escalated: single(sql`SELECT count(DISTINCT comment_id) AS n FROM escalations WHERE resolved_at IS NULL`),
    approved: count('approved'),
    removed: count('removed'),
    disabled: count('disabled'),
    conflicts: single(sql`SELECT count(*) AS n FROM comments WHERE conflict IS NOT NULL`),
    all: [...byStatus.values()].reduce((a, b) => a + b, 0)
  }
}

/** How many comments a filter matches (what a bulk action over it would touch). */
export function countMatching(db: Db, filter: Filter): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments c ${whereClause(filterConditions(db.dialect, filter))}`)!.n
}

/**
 * How the comments a filter matches spread over `buckets` equal score bands (the strongest attribute's
 * score, or one attribute's), for the score-band triage histogram.
 */
export function scoreHistogram(db: Db, filter: Filter, attribute: Attribute | null, buckets: number): number[] {
  const score = attribute ? db.dialect.jsonNumber('c.scores', attribute) : sql`c.priority`
  const band = sql`CAST(floor(${score} * ${buckets}) AS INTEGER)`
  const counts = new Array<number>(buckets).fill(0)
  const rows = db.all<{ bucket: number; n: number }>(
    sql`SELECT CASE WHEN ${band} >= ${buckets} THEN ${buckets - 1} ELSE ${band} END AS bucket, count(*) AS n
        FROM comments c ${whereClause(filterConditions(db.dialect, filter))} GROUP BY 1`
  )
  for (const { bucket, n } of rows) counts[Math.max(0, bucket)] += n
  return counts
}
