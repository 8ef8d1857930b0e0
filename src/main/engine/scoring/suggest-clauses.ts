// The clause a removal would most likely cite, for each pending comment: learned from this newsroom's
// own removals (learning/clause-suggester.ts), written when a comment is scored and after retraining.
import type { Policy, Scores } from '../../../shared/model'
import type { Db } from '../database/database'
import { suggestClause, trainClauseModel } from './learning/clause-suggester'
import { humanRemovals, saveSuggestions, scoredPending } from './store/suggestions'

/** The latest removals are how this newsroom cites now; more would only slow every scoring run. */
const LEARN_FROM = 2000
const BATCH = 500

export type ClauseSuggester = (text: string, scores: Scores) => string

/** A suggester trained on the newsroom's removals so far (the scores' rule reading alone before the first). */
export function newsroomSuggester(db: Db, policy: Policy): ClauseSuggester {
  const clauses = policy.clauses.map((clause) => clause.code)
  const removals = humanRemovals(db, LEARN_FROM)
  const model = removals.length ? trainClauseModel(removals, clauses) : null
  return (text, scores) => suggestClause(model, { text, scores }, clauses).clause
}

/** Suggests again for every scored pending comment (after the newsroom's removals taught the suggester more). */
export function refreshSuggestions(db: Db, policy: Policy): number {
  const suggest = newsroomSuggester(db, policy)
  let afterId = 0
  let done = 0
  for (;;) {
    const batch = scoredPending(db, afterId, BATCH)
    if (batch.length === 0) return done
    db.transaction(() => saveSuggestions(db, batch.map((comment) => ({ id: comment.id, clause: suggest(comment.text, comment.scores) }))))
    done += batch.length
    afterId = batch[batch.length - 1].id
  }
}
