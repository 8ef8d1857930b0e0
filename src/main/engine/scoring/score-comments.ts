// Scoring the comments a scorer has not scored yet. The primary scorer's scores order and flag the
// queues and may trigger the automatic rules; other scorers' scores are kept beside them.
import { applyRules } from '../moderation/auto-rules'
import type { EngineContext } from '../context'
import { isFlagged } from '../moderation/store/flags'
import type { ScoringProgress } from './run-scorer'
import { newsroomBoundary, rankForTeaching } from './rank-for-teaching'
import { PRIMARY_SCORER } from './scorers'
import { newsroomSuggester } from './suggest-clauses'
import { createWordMatcher } from './word-lists'
import { withLease } from '../team/store/leases'

export interface ScoreOptions {
  signal?: AbortSignal
  onProgress?: (progress: ScoringProgress) => void
}

export async function scoreComments(context: EngineContext, scorer: string, options: ScoreOptions = {}): Promise<ScoringProgress> {
  const { db, policy, actor, now } = context
  const primary = scorer === PRIMARY_SCORER
  const settings = context.scoringSettings()
  const projection = primary
    ? {
        matchWords: createWordMatcher(settings.wordLists),
        isFlagged: isFlagged.bind(null, settings),
        uncertaintyBoundary: newsroomBoundary(db),
        suggestClause: newsroomSuggester(db, policy)
      }
    : null
  const progress = await context.scorers.run(scorer, { ...options, projection })
  if (primary) {
    applyRules(db, policy, settings, actor.machine, now())
    rankForTeaching(db)
  }
  return progress
}

/**
 * New comments join the queues where their scores put them, not at the bottom. In a team, one desktop
 * scores them and every desktop shares the scores; the others go on.
 */
export const scoreNewComments = (context: EngineContext, options?: ScoreOptions): Promise<ScoringProgress> =>
  withLease(context.db, `sieve:score:${PRIMARY_SCORER}`, () => scoreComments(context, PRIMARY_SCORER, options), (): ScoringProgress => ({ done: 0, total: 0 }))
