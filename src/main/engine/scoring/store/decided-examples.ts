// The newsroom's own calls as labelled text for retraining: removed = 1, approved = 0. Only a person's
// latest decision counts (an automated rule teaching the model would only teach it its own threshold).
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

export interface DecidedText {
  text: string
  label: number
}

export function decidedExamples(db: Db): DecidedText[] {
  return db.all<DecidedText>(
    sql`SELECT c.text, CASE c.status WHEN 'removed' THEN 1 ELSE 0 END AS label
          FROM comments c
         WHERE c.status IN ('approved', 'removed')
           AND (SELECT d.automated FROM decisions d WHERE d.comment_id = c.id ORDER BY d.id DESC LIMIT 1) = 0`
  )
}

/** How many comments a person approved and removed (what retraining would learn from), without their texts. */
export function decidedCounts(db: Db): { approved: number; removed: number } {
  const row = db.get<{ approved: number | null; removed: number | null }>(
    sql`SELECT sum(CASE c.status WHEN 'approved' THEN 1 ELSE 0 END) AS approved, sum(CASE c.status WHEN 'removed' THEN 1 ELSE 0 END) AS removed
          FROM comments c
         WHERE c.status IN ('approved', 'removed')
           AND (SELECT d.automated FROM decisions d WHERE d.comment_id = c.id ORDER BY d.id DESC LIMIT 1) = 0`
  )
  return { approved: Number(row?.approved ?? 0), removed: Number(row?.removed ?? 0) }
}
