// The Teach Sieve order kept in comments.teach_rank: a pending comment's uncertainty, less 1 when it is a
// near-duplicate of a more uncertain one (so it follows them all), -2 until it is scored.
import type { TeachCandidate } from '../learning/teach-order'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

/** The `limit` pending comments the model is least sure about, most uncertain first. */
export function mostUncertain(db: Db, limit: number): TeachCandidate<number>[] {
  return db.all<TeachCandidate<number>>(
    sql`SELECT c.id, c.text, c.uncertainty FROM comments c
        WHERE c.status = 'pending' AND c.uncertainty IS NOT NULL ORDER BY c.uncertainty DESC, c.id LIMIT ${limit}`
  )
}

const IDS_PER_STATEMENT = 500

/**
 * Every scored pending comment ranks by its uncertainty (scoring sets both), but the `nearDuplicates`,
 * which rank after all of them. Only ranks below 0 (earlier near-duplicates, or never ranked) can be out of
 * step, so the index finds them: after a million comments are scored, these are a few thousand rows.
 */
export function saveTeachRanks(db: Db, nearDuplicates: readonly number[]): void {
  db.transaction(() => {
    db.run(
      sql`UPDATE comments SET teach_rank = uncertainty
          WHERE status = 'pending' AND teach_rank < 0 AND uncertainty IS NOT NULL`
    )
    for (let at = 0; at < nearDuplicates.length; at += IDS_PER_STATEMENT) {
      const ids = nearDuplicates.slice(at, at + IDS_PER_STATEMENT)
      db.run(sql`UPDATE comments SET teach_rank = uncertainty - 1 WHERE id IN (${sql.join(ids)})`)
    }
  })
}

/** What this newsroom's decisions say about the TOXICITY score: where it puts its line (teach-order.ts decisionBoundary). */
export function decidedToxicity(db: Db, limit: number): { score: number; label: number }[] {
  return db.all<{ score: number; label: number }>(
    sql`SELECT ${db.dialect.jsonNumber('c.scores', 'TOXICITY')} AS score, CASE c.status WHEN 'removed' THEN 1 ELSE 0 END AS label
        FROM comments c
        WHERE c.status IN ('approved', 'removed') AND c.uncertainty IS NOT NULL
          AND (SELECT d.automated FROM decisions d WHERE d.comment_id = c.id ORDER BY d.id DESC LIMIT 1) = 0
        ORDER BY c.id DESC LIMIT ${limit}`
  )
}
