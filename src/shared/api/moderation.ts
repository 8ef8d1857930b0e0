// The moderation slice of the contract: pages and counts of the queues, and the decisions
// made on them (approve, remove, disable, enable, escalate, undo, redo).
import { z } from 'zod'
import { filterSchema } from '../filter'
import {
  ACTIONS,
  ATTRIBUTES,
  SORTS,
  type Action,
  type CommentDetail,
  type DecisionResult,
  type QueueCounts,
  type QueuePage,
  type UndoResult
} from '../model'
import { command, eitherKeysOrFilter, event, nothing, query } from './contract'

const keys = z.array(z.number().int().positive()).min(1).max(10_000)

export const moderationCalls = {
  counts: query<QueueCounts>()(nothing),
  queuePage: query<QueuePage>()(
    z
      .object({
        filter: filterSchema,
        sort: z.enum(SORTS).default('priority'),
        after: z.string().max(200).nullable().default(null),
        limit: z.number().int().min(1).max(500).default(100)
      })
      .strict()
  ),
  /** How the comments a filter matches spread over equal score bands (strongest attribute, or one). */
  histogram: query<number[]>()(
    z
      .object({ filter: filterSchema, attribute: z.enum(ATTRIBUTES).optional(), buckets: z.number().int().min(2).max(100).default(20) })
      .strict()
  ),
  /** How many comments a filter matches: what a bulk action over it would touch. */
  count: query<number>()(z.object({ filter: filterSchema }).strict()),
  /** Sieve's keys of comments named by their ids on their platforms (an id two sources share is refused). */
  findComments: query<number[]>()(z.object({ ids: z.array(z.string().min(1).max(256)).min(1).max(10_000) }).strict()),
  /** One comment with its thread, article, author's record, every scorer's scores and its history. */
  commentDetail: query<CommentDetail>()(z.object({ key: z.number().int().positive() }).strict()),
  /** Decides on the comments named by `keys`, or on every comment `filter` matches, in one transaction. */
  decide: command<DecisionResult>()(
    z
      .object({
        keys: keys.optional(),
        filter: filterSchema.optional(),
        action: z.enum(ACTIONS),
        clause: z.string().max(64).optional(),
        note: z.string().max(4000).optional(),
        /** Each key's `version` as the window showed it: a comment someone else decided since is not decided again. */
        seen: z.array(z.number().int().nonnegative()).max(100_000).optional(),
        /** For a filter: the latest decision the window knew of; what others decided after it is skipped. */
        seenDecision: z.number().int().nonnegative().optional()
      })
      .strict()
      .refine(eitherKeysOrFilter, 'give either keys or a filter')
      .refine((input) => !input.seen || input.seen.length === input.keys?.length, 'seen: one version for each key')
  ),
  /** Asks for a second opinion on comments, with a note; they show in the Escalated queue until decided. */
  escalate: command<{ escalated: number }>()(
    z
      .object({ keys: keys.optional(), filter: filterSchema.optional(), note: z.string().min(1).max(4000) })
      .strict()
      .refine(eitherKeysOrFilter, 'give either keys or a filter')
  ),
  undo: command<UndoResult>()(nothing),
  /** Redoes the latest undo (until a fresh decision is made). */
  redo: command<UndoResult>()(nothing)
}

export const moderationEvents = {
  /** Comments were decided — here, in another window, from the command line or by a rule. */
  commentsDecided: event<CommentsDecided>(),
  /** New comments landed (a pull, an import): what a "N new" button counts. */
  commentsArrived: event<{ count: number; latestKey: number }>(),
  /** The queues' counts moved. */
  countsChanged: event<QueueCounts>()
}

/** One batch of decisions as every window hears of it. */
export interface CommentsDecided {
  batchId: number
  action: Action | 'undo'
  /** The Terms-of-Use clause a removal named. */
  clause: string | null
  moderator: string
  machine: string
  automated: boolean
  /** How many comments the batch changed. */
  count: number
  /** Their keys (the first thousand of a bulk decision; the rest are in `count`). */
  keys: number[]
  /** The batch's latest decision: a window that shows the batch has seen its comments at this version. */
  lastDecisionId: number
}
