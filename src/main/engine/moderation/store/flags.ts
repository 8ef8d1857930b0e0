// The Likely violations flag: a pending comment is flagged when any attribute reaches its threshold, or
// (when that rule is on) a banned or suspect word matched. Kept as a column so the queue is an index walk.
import { ATTRIBUTES, type Scores, type WordMatch } from '../../../../shared/model'
import type { ScoringSettings, Thresholds } from '../../../../shared/settings'
import type { WordMatcher } from '../../scoring/word-lists'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

export function isFlagged(settings: ScoringSettings, scores: Scores, words: readonly WordMatch[]): boolean {
  if (settings.rules.flagWords.enabled && words.length > 0) return true
  return reachesThreshold(scores, settings.thresholds)
}

/** Whether any attribute's score reaches that attribute's threshold. */
export function reachesThreshold(scores: Scores, thresholds: Thresholds): boolean {
  return ATTRIBUTES.some((attribute) => (scores[attribute] ?? 0) >= thresholds[attribute])
}

/** Sets every comment's flag from its stored scores and words under these settings; returns how many changed. */
export function reflagAll(db: Db, settings: ScoringSettings): number {
  const reached = ATTRIBUTES.map((attribute) => sql`${db.dialect.jsonNumber('scores', attribute)} >= ${settings.thresholds[attribute]}`)
  const flag = sql`CASE WHEN (${settings.rules.flagWords.enabled ? 1 : 0} = 1 AND words IS NOT NULL) OR ${sql.join(reached, sql` OR `)} THEN 1 ELSE 0 END`
  return db.run(sql`UPDATE comments SET flagged = ${flag} WHERE flagged != ${flag}`)
}

/** Matches every comment against the word lists again (they changed), a chunk per transaction. */
export function rematchWords(db: Db, matchWords: WordMatcher, onProgress?: (done: number) => void): number {
  const chunk = (afterId: number) => db.all<{ id: number; text: string }>(sql`SELECT id, text FROM comments WHERE id > ${afterId} ORDER BY id LIMIT 5000`)
  let afterId = 0
  let matched = 0
  let done = 0
  for (let rows = chunk(afterId); rows.length > 0; rows = chunk(afterId)) {
    db.transaction(() => {
      for (const { id, text } of rows) {
        const words = matchWords(text)
        if (words.length) matched++
        const json = words.length ? JSON.stringify(words) : null
        db.run(sql`UPDATE comments SET words = ${json} WHERE id = ${id} AND words IS DISTINCT FROM ${json}`)
      }
    })
    afterId = rows[rows.length - 1].id
    onProgress?.((done += rows.length))
  }
  return matched
}
