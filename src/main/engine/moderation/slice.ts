// Moderation: the queues (pages, counts, score bands, one comment in detail) and the decisions made on
// them — approve, remove under a clause, disable, enable, escalate, undo and redo.
import { moderationCalls } from '../../../shared/api/moderation'
import { slice } from '../slice'
import { commentDetail } from './store/comment-detail'
import { resolveExternalId } from '../sources/store/comments'
import { countMatching, queueCounts, queuePage, scoreHistogram } from './store/queues'
import { decide, escalateComments, redoLast, undoLast } from './decide'
import { learnerOf } from '../scoring/learner'

export const moderationSlice = slice('moderation', moderationCalls, {
  queries: ({ db }) => ({
    counts: () => queueCounts(db),
    queuePage: (input) => queuePage(db, input),
    count: ({ filter }) => countMatching(db, filter),
    histogram: ({ filter, attribute, buckets }) => scoreHistogram(db, filter, attribute ?? null, buckets),
    findComments: ({ ids }) => ids.map((id) => resolveExternalId(db, id)),
    commentDetail: ({ key }) => commentDetail(db, key)
  }),
  commands: (context) => {
    const { db, policy, actor, now } = context
    // Every approval and removal teaches the local model: enough of them start a retraining.
    const teach = <T>(result: T): T => {
      learnerOf(context).decided()
      return result
    }
    return {
      decide: ({ keys, filter, ...rest }) => teach(decide(db, policy, actor, { target: keys ? { keys } : { filter: filter! }, ...rest }, now())),
      escalate: ({ keys, filter, note }) => ({
        escalated: escalateComments(db, actor, keys ? { keys } : { filter: filter! }, note, now())
      }),
      undo: () => undoLast(db, actor, now()),
      redo: () => teach(redoLast(db, actor, now()))
    }
  }
})
