// Which comments a view, a bulk action or a command means: a queue plus optional conditions. The same
// object comes from the UI's chips and from the command line's `--where "queue=review,score<0.05"`.
import { z } from 'zod'
import { ATTRIBUTES, QUEUES, type Attribute } from './model'

const bounds = z
  .object({
    gte: z.number().optional(),
    gt: z.number().optional(),
    lte: z.number().optional(),
    lt: z.number().optional()
  })
  .strict()
export type Bounds = z.infer<typeof bounds>

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date())

export const filterSchema = z
  .object({
    queue: z.enum(QUEUES).default('review'),
    /** Full-text search over the comment text (every word must appear). */
    search: z.string().trim().min(1).max(500).optional(),
    /** The strongest attribute's score, or one attribute's when `attribute` is set. */
    score: bounds.extend({ attribute: z.enum(ATTRIBUTES).optional() }).strict().optional(),
    reports: bounds.optional(),
    /** Article and author by their source ids. */
    article: z.string().max(256).optional(),
    author: z.string().max(256).optional(),
    source: z.string().max(200).optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    /** Comments whose latest decision is in this state on its way to the platform. */
    sync: z.enum(['pending', 'synced', 'failed', 'conflict']).optional(),
    /** Comments a publisher word list matched: one list, or either. */
    words: z.enum(['banned', 'suspect', 'any']).optional(),
    /** Comments that arrived after this one (Sieve's id): what a "N new" button counts. */
    addedAfter: z.number().int().nonnegative().optional()
  })
  .strict()

export type Filter = z.output<typeof filterSchema>
export type FilterInput = z.input<typeof filterSchema>

const OPERATORS = { '<=': 'lte', '>=': 'gte', '<': 'lt', '>': 'gt' } as const
const CLAUSE = /^\s*([a-zA-Z_]+)\s*(<=|>=|<|>|=)\s*(.*?)\s*$/

/**
 * Parses the command line's filter syntax: comma-separated `key op value` clauses, e.g.
 * `queue=review,score<0.05`, `toxicity>=0.9,reports>0`, `article=a1,search=affidavit`.
 * Keys: queue, search, article, author, source, since, until, words, sync (with =); score (alias maxScore) and each
 * attribute name, reports (with < <= > >=). Throws an Error naming the clause that is wrong.
 */
export function parseWhere(text: string): Filter {
  const draft: Record<string, unknown> = {}
  for (const clause of text.split(',').filter((part) => part.trim() !== '')) {
    const match = CLAUSE.exec(clause)
    if (!match) throw new Error(`"${clause.trim()}" is not a filter clause (expected key=value or key<number)`)
    const [, rawKey, op, value] = match
    const key = rawKey.toLowerCase()
    if (op === '=') {
      if (!['queue', 'search', 'article', 'author', 'source', 'since', 'until', 'words', 'sync'].includes(key)) {
        throw new Error(`"${rawKey}" cannot be compared with "="`)
      }
      draft[key] = value
      continue
    }
    const number = Number(value)
    if (value === '' || !Number.isFinite(number)) throw new Error(`"${clause.trim()}": ${value || 'nothing'} is not a number`)
    const bound = OPERATORS[op as keyof typeof OPERATORS]
    const attribute = ATTRIBUTES.find((name) => name.toLowerCase() === key)
    if (key === 'reports') {
      draft.reports = { ...(draft.reports as object), [bound]: number }
    } else if (key === 'score' || key === 'maxscore' || attribute) {
      const score = (draft.score ?? {}) as { attribute?: Attribute }
      if (attribute && score.attribute && score.attribute !== attribute) throw new Error('a filter bounds one attribute at a time')
      draft.score = { ...score, ...(attribute ? { attribute } : {}), [bound]: number }
    } else {
      throw new Error(`"${rawKey}" is not something a filter can compare (use score, an attribute name, or reports)`)
    }
  }
  // Where a decision stands on its platform cuts across the queues: without a queue, it means all of them.
  if (draft.sync !== undefined && draft.queue === undefined) draft.queue = 'all'
  const parsed = filterSchema.safeParse(draft)
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error))
  return parsed.data
}
