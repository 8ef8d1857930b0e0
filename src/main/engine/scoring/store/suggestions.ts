// What the clause suggester learns from (this newsroom's removals by a person) and where its suggestion
// for each pending comment is kept (comments.suggested_clause, read by queue rows and the clause picker).
import type { Scores } from '../../../../shared/model'
import type { Removal } from '../learning/clause-suggester'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

/** The latest `limit` comments a person removed, with the clause cited and the scores they had. */
export function humanRemovals(db: Db, limit: number): Removal[] {
  return db
    .all<{ text: string; scores: string; clause: string }>(
      sql`SELECT c.text, c.scores, c.clause FROM comments c
          WHERE c.status = 'removed' AND c.clause IS NOT NULL
            AND (SELECT d.automated FROM decisions d WHERE d.comment_id = c.id ORDER BY d.id DESC LIMIT 1) = 0
          ORDER BY c.id DESC LIMIT ${limit}`
    )
    .map((row) => ({ text: row.text, scores: JSON.parse(row.scores) as Scores, clause: row.clause }))
}

export interface PendingScored {
  id: number
  text: string
  scores: Scores
}

/** Scored pending comments after `afterId`, in id order (a walk over them all costs the same per batch). */
export function scoredPending(db: Db, afterId: number, limit: number): PendingScored[] {
  return db
    .all<{ id: number; text: string; scores: string }>(
      sql`SELECT c.id, c.text, c.scores FROM comments c
          WHERE c.status = 'pending' AND c.uncertainty IS NOT NULL AND c.id > ${afterId} ORDER BY c.id LIMIT ${limit}`
    )
    .map((row) => ({ id: row.id, text: row.text, scores: JSON.parse(row.scores) as Scores }))
}

export function saveSuggestions(db: Db, suggestions: readonly { id: number; clause: string }[]): void {
  if (suggestions.length === 0) return
  // The id is cast where it is joined (PostgreSQL reads VALUES as text); a cast inside the VALUES would
  // hide the key from SQLite's planner.
  const values = suggestions.map(({ id, clause }) => sql`(${id}, ${clause})`)
  db.run(sql`UPDATE comments SET suggested_clause = v.column2 FROM (VALUES ${sql.join(values)}) AS v WHERE comments.id = CAST(v.column1 AS bigint)`)
}
