// After the thresholds, word lists or rules change: match every comment against the lists again (only if
// they changed), move comments in or out of Likely violations, and let the rules act on what is undecided.
import type { Policy } from '../../../shared/model'
import type { ScoringSettings } from '../../../shared/settings'
import { createWordMatcher } from '../scoring/word-lists'
import type { Db } from '../database/database'
import { sql } from '../database/sql/sql'
import { reflagAll, rematchWords } from './store/flags'
import { applyRules } from './auto-rules'

export interface RecheckOptions {
  machine: string
  at: Date
  progress(done: number, total: number): void
}

/** Returns what changed, in a sentence or three for the moderator. */
export function recheckComments(db: Db, policy: Policy, before: ScoringSettings, after: ScoringSettings, options: RecheckOptions): string {
  const listsChanged = JSON.stringify(before.wordLists) !== JSON.stringify(after.wordLists)
  let matched: number | null = null
  if (listsChanged) {
    const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments`)!.n
    matched = rematchWords(db, createWordMatcher(after.wordLists), (done) => options.progress(done, total))
  }
  const changed = reflagAll(db, after)
  const rules = applyRules(db, policy, after, options.machine, options.at)
  return [
    matched === null ? null : `${matched} comments match a word list.`,
    `${changed} comments moved in or out of Likely violations.`,
    rules.removed + rules.held ? `Rules removed ${rules.removed} and held ${rules.held}.` : null
  ]
    .filter(Boolean)
    .join(' ')
}
