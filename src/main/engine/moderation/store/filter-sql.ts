// Turns a Filter into SQL conditions over `comments c`, with named parameters. The only place user
// filters meet SQL: every value is a bound parameter, never spliced into the text.
import type { Bounds, Filter } from '../../../../shared/filter'
import type { QueueId, Status } from '../../../../shared/model'

export interface Conditions {
  /** Conditions to AND together; empty means every comment. */
  where: string[]
  params: Record<string, unknown>
}

const QUEUE_STATUS: Record<QueueId, Status | null> = {
  review: 'pending',
  likely: 'pending',
  reported: 'pending',
  escalated: null,
  approved: 'approved',
  removed: 'removed',
  disabled: 'disabled',
  conflicts: null,
  all: null
}

const BOUND_OPERATORS: Record<keyof Bounds, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<' }

export interface ConditionOptions {
  /** false when the page is sorted by something other than priority (its index would be the wrong walk). */
  indexPriority?: boolean
  /** false when the page walks comments in id order (search results): no status index either. */
  indexStatus?: boolean
}

export function filterConditions(filter: Filter, options: ConditionOptions = {}): Conditions {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  const status = QUEUE_STATUS[filter.queue]
  // Comments added after an id are few: walking the id range beats any status index.
  const indexStatus = options.indexStatus !== false && filter.addedAfter === undefined
  if (status) {
    where.push(indexStatus ? 'c.status = @status' : '+c.status = @status')
    params.status = status
  }
  // `+` keeps SQLite from choosing the priority index when the page is sorted by something else.
  const priority = options.indexPriority === false ? '+c.priority' : 'c.priority'
  // Flagged: an attribute reached its threshold, or a word-list rule fired (store/flags.ts keeps it).
  if (filter.queue === 'likely') where.push('c.flagged = 1')
  if (filter.queue === 'reported') where.push('c.reports > 0')
  if (filter.queue === 'escalated') where.push('c.id IN (SELECT comment_id FROM escalations WHERE resolved_at IS NULL)')
  // The platform changed or deleted the comment after a decision here, whatever that decision was.
  if (filter.queue === 'conflicts') where.push('c.conflict IS NOT NULL')
  if (filter.score) {
    const { attribute, ...range } = filter.score
    const column = attribute ? `coalesce(c.scores ->> '$.${attribute}', 0)` : priority
    addBounds(where, params, column, 'score', range)
  }
  if (filter.reports) addBounds(where, params, 'c.reports', 'reports', filter.reports)
  if (filter.search) {
    where.push('c.id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH @search)')
    params.search = ftsQuery(filter.search)
  }
  if (filter.article !== undefined) {
    where.push('c.article_id IN (SELECT id FROM articles WHERE external_id = @article)')
    params.article = filter.article
  }
  if (filter.author !== undefined) {
    where.push('c.author_id IN (SELECT id FROM authors WHERE external_id = @author)')
    params.author = filter.author
  }
  if (filter.source !== undefined) {
    where.push('c.source_id IN (SELECT id FROM sources WHERE name = @source)')
    params.source = filter.source
  }
  if (filter.since) {
    where.push('c.created_at >= @since')
    params.since = new Date(filter.since).toISOString()
  }
  if (filter.until) {
    where.push('c.created_at < @until')
    params.until = new Date(filter.until).toISOString()
  }
  if (filter.words === 'any') where.push('c.words IS NOT NULL')
  else if (filter.words) {
    where.push("EXISTS (SELECT 1 FROM json_each(c.words) WHERE value ->> '$.list' = @words)")
    params.words = filter.words
  }
  if (filter.sync === 'conflict') where.push('c.conflict IS NOT NULL')
  else if (filter.sync) {
    // The comment's latest outbox entry says where its latest decision stands.
    where.push('(SELECT o.state FROM outbox o WHERE o.comment_id = c.id ORDER BY o.id DESC LIMIT 1) = @sync AND c.conflict IS NULL')
    params.sync = filter.sync
  }
  if (filter.addedAfter !== undefined) {
    where.push('c.id > @addedAfter')
    params.addedAfter = filter.addedAfter
  }
  return { where, params }
}

function addBounds(where: string[], params: Record<string, unknown>, column: string, name: string, bounds: Bounds): void {
  for (const [bound, value] of Object.entries(bounds) as [keyof Bounds, number][]) {
    const param = `${name}_${bound}`
    where.push(`${column} ${BOUND_OPERATORS[bound]} @${param}`)
    params[param] = value
  }
}

/** Every word the person typed must appear; FTS5 operators in the input are treated as plain words. */
export function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replaceAll('"', '""')}"`)
    .join(' ')
}

/** Conditions that select comments by Sieve's ids. */
export function keyConditions(keys: number[]): Conditions {
  return { where: ['c.id IN (SELECT value FROM json_each(@keys))'], params: { keys: JSON.stringify(keys) } }
}

export function whereClause(conditions: Conditions): string {
  return conditions.where.length ? `WHERE ${conditions.where.join(' AND ')}` : ''
}
