// Turns a Filter into SQL conditions over `comments c`. The only place user filters meet SQL: every value
// is a bound parameter, never spliced into the text.
import type { RawBuilder } from 'kysely'
import type { Bounds, Filter } from '../../../../shared/filter'
import type { QueueId, Status } from '../../../../shared/model'
import type { Dialect } from '../../database/sql/dialect'
import { sql } from '../../database/sql/sql'

/** Conditions to AND together; empty means every comment. */
export type Conditions = RawBuilder<unknown>[]

const QUEUE_STATUS = new Map<QueueId, Status>([
  ['review', 'pending'],
  ['likely', 'pending'],
  ['reported', 'pending'],
  ['teach', 'pending'],
  ['approved', 'approved'],
  ['removed', 'removed'],
  ['disabled', 'disabled']
])

const BOUND_OPERATORS: Record<keyof Bounds, RawBuilder<unknown>> = { gte: sql`>=`, gt: sql`>`, lte: sql`<=`, lt: sql`<` }

export interface ConditionOptions {
  /** false when the page is sorted by something other than priority (its index would be the wrong walk). */
  indexPriority?: boolean
  /** false when the page walks comments in id order (search results): no status index either. */
  indexStatus?: boolean
}

/**
 * Few comments are in conflict: found through their own partial index, then sorted. Written as a plain
 * condition, the planner walked the page's sort order past every other comment (3.6 s at 1M for an
 * empty queue).
 */
const IN_CONFLICT = sql`c.id IN (SELECT id FROM comments WHERE conflict IS NOT NULL)`

export function filterConditions(dialect: Dialect, filter: Filter, options: ConditionOptions = {}): Conditions {
  const where: Conditions = []
  const status = QUEUE_STATUS.get(filter.queue)
  // Comments added after an id are few: walking the id range beats any status index.
  const indexStatus = options.indexStatus !== false && filter.addedAfter === undefined
  if (status) where.push(sql`${indexStatus ? sql.raw('c.status') : dialect.notIndexed('c.status')} = ${status}`)
  // Kept from the priority index when the page is sorted by something else.
  const priority = options.indexPriority === false ? dialect.notIndexed('c.priority') : sql.raw('c.priority')
  // Flagged: an attribute reached its threshold, or a word-list rule fired (flags.ts keeps it).
  if (filter.queue === 'likely') where.push(sql`c.flagged = 1`)
  if (filter.queue === 'reported') where.push(sql`c.reports > 0`)
  if (filter.queue === 'escalated') where.push(sql`c.id IN (SELECT comment_id FROM escalations WHERE resolved_at IS NULL)`)
  // The platform changed or deleted the comment after a decision here, whatever that decision was.
  if (filter.queue === 'conflicts') where.push(IN_CONFLICT)
  if (filter.score) {
    const { attribute, ...range } = filter.score
    where.push(...bounds(attribute ? dialect.jsonNumber('c.scores', attribute) : priority, range))
  }
  if (filter.reports) where.push(...bounds(sql.raw('c.reports'), filter.reports))
  if (filter.search) where.push(dialect.textMatches(filter.search))
  if (filter.article !== undefined) where.push(sql`c.article_id IN (SELECT id FROM articles WHERE external_id = ${filter.article})`)
  if (filter.author !== undefined) where.push(sql`c.author_id IN (SELECT id FROM authors WHERE external_id = ${filter.author})`)
  if (filter.source !== undefined) where.push(sql`c.source_id IN (SELECT id FROM sources WHERE name = ${filter.source})`)
  if (filter.since) where.push(sql`c.created_at >= ${new Date(filter.since).toISOString()}`)
  if (filter.until) where.push(sql`c.created_at < ${new Date(filter.until).toISOString()}`)
  if (filter.words === 'any') where.push(sql`c.words IS NOT NULL`)
  else if (filter.words) where.push(dialect.jsonArrayHas('c.words', 'list', filter.words))
  if (filter.sync === 'conflict') where.push(IN_CONFLICT)
  else if (filter.sync) {
    // The comment's latest outbox entry says where its latest decision stands.
    where.push(sql`(SELECT o.state FROM outbox o WHERE o.comment_id = c.id ORDER BY o.id DESC LIMIT 1) = ${filter.sync} AND c.conflict IS NULL`)
  }
  if (filter.addedAfter !== undefined) where.push(sql`c.id > ${filter.addedAfter}`)
  return where
}

function bounds(column: RawBuilder<unknown>, range: Bounds): Conditions {
  return (Object.entries(range) as [keyof Bounds, number][]).map(([bound, value]) => sql`${column} ${BOUND_OPERATORS[bound]} ${value}`)
}

/** Conditions that select comments by Sieve's ids. */
export function keyConditions(keys: number[]): Conditions {
  // No keys (a teammate decided every one first): nothing matches.
  return [keys.length ? sql`c.id IN (${sql.join(keys)})` : sql`1 = 0`]
}

export function whereClause(conditions: Conditions): RawBuilder<unknown> {
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``
}
