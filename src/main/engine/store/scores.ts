// Scores per comment, scorer and attribute; the primary scorer's also feed the queue projection.
import type { Scores, Span } from '../../../shared/model'
import type { Db } from './database'

export interface ScoredComment {
  commentId: number
  scores: Scores
  spans: Span[]
  modelVersion: string
}

/** Comments the scorer has not scored yet (changed text drops old scores, so those come back too). */
export function unscoredComments(db: Db, scorer: string, limit: number): { id: number; text: string }[] {
  return db
    .prepare<[string, number], { id: number; text: string }>(
      `SELECT c.id, c.text FROM comments c
       WHERE NOT EXISTS (SELECT 1 FROM scores s WHERE s.comment_id = c.id AND s.scorer = ?)
       ORDER BY c.id LIMIT ?`
    )
    .all(scorer, limit)
}

export function countUnscored(db: Db, scorer: string): number {
  return db
    .prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM comments c WHERE NOT EXISTS (SELECT 1 FROM scores s WHERE s.comment_id = c.id AND s.scorer = ?)'
    )
    .get(scorer)!.n
}

export function saveScores(db: Db, scorer: string, results: ScoredComment[], primary: boolean, now: Date): void {
  const insert = db.prepare(`
    INSERT OR REPLACE INTO scores (comment_id, scorer, attribute, score, model_version, spans, scored_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const project = db.prepare('UPDATE comments SET scores = ?, spans = ?, priority = ? WHERE id = ?')
  const scoredAt = now.toISOString()
  db.transaction(() => {
    for (const result of results) {
      for (const [attribute, score] of Object.entries(result.scores)) {
        const spans = result.spans.filter((span) => span.attribute === attribute)
        insert.run(result.commentId, scorer, attribute, score, result.modelVersion, JSON.stringify(spans), scoredAt)
      }
      if (primary) {
        const priority = Math.max(0, ...Object.values(result.scores))
        project.run(JSON.stringify(result.scores), JSON.stringify(result.spans), priority, result.commentId)
      }
    }
  })()
}
