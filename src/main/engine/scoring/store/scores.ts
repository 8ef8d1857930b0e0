// Scores per comment, scorer and attribute; the primary scorer's also feed the queue projection.
import type { Scores, Span, WordMatch } from '../../../../shared/model'
import type { Statement } from 'better-sqlite3'
import { uncertaintyOf } from '../learning/teach-order'
import type { Db } from '../../database/database'

/** Scores under this are not kept as rows (an absent attribute scored below it); the projection keeps all. */
export const SMALLEST_KEPT_SCORE = 0.01

export interface ScoredComment {
  commentId: number
  /** False when the scorer has never scored it: there are no old scores to clear. */
  rescored?: boolean
  scores: Scores
  spans: Span[]
  modelVersion: string
}

/** What the primary scorer's scores also move: the comment's own columns that order and flag the queues. */
export interface Projection {
  matchWords(text: string): WordMatch[]
  isFlagged(scores: Scores, words: readonly WordMatch[]): boolean
  /** The newsroom's line for Teach Sieve's uncertainty (teach-order.ts decisionBoundary); 0.5 when absent. */
  uncertaintyBoundary?: number
}

const UNSCORED =
  'FROM comments c WHERE NOT EXISTS (SELECT 1 FROM scorings s WHERE s.comment_id = c.id AND s.scorer = ? AND s.model_version = ?)'

/**
 * Comments this scorer's model has not scored yet, in id order after `afterId` (changed text drops old
 * scores, and a retrained model is a new version, so those come back too). Walking on from the last id
 * keeps each batch as cheap as the first.
 */
export function unscoredComments(db: Db, scorer: string, modelVersion: string, afterId: number, limit: number): UnscoredComment[] {
  return db
    .prepare<[string, string, string, number, number], { id: number; text: string; rescored: number }>(
      `SELECT c.id, c.text, EXISTS (SELECT 1 FROM scorings s WHERE s.comment_id = c.id AND s.scorer = ?) AS rescored ${UNSCORED} AND c.id > ? ORDER BY c.id LIMIT ?`
    )
    .all(scorer, scorer, modelVersion, afterId, limit)
    .map((row) => ({ id: row.id, text: row.text, rescored: row.rescored === 1 }))
}

export interface UnscoredComment {
  id: number
  text: string
  /** Whether this scorer scored it before (another model version, or older text): its old scores go. */
  rescored: boolean
}

export function countUnscored(db: Db, scorer: string, modelVersion: string): number {
  return db.prepare<[string, string], { n: number }>(`SELECT count(*) AS n ${UNSCORED}`).get(scorer, modelVersion)!.n
}

export function saveScores(
  db: Db,
  scorer: string,
  results: (ScoredComment & { text: string })[],
  projection: Projection | null,
  now: Date
): void {
  const mark = db.prepare('INSERT OR REPLACE INTO scorings (comment_id, scorer, model_version, scored_at) VALUES (?, ?, ?, ?)')
  const clear = db.prepare('DELETE FROM scores WHERE comment_id = ? AND scorer = ?')
  // One statement per comment for all its attribute rows: most of the cost of a row is the statement's.
  const inserts: Statement[] = []
  const insert = (rows: number): Statement =>
    (inserts[rows] ??= db.prepare(
      `INSERT INTO scores (comment_id, scorer, attribute, score, spans) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ')}`
    ))
  const values: unknown[] = []
  const project = db.prepare('UPDATE comments SET scores = ?, spans = ?, priority = ?, words = ?, flagged = ?, uncertainty = ? WHERE id = ?')
  const scoredAt = now.toISOString()
  // Scores can always be computed again, so their commits skip the fsync (WAL stays crash-safe: a batch
  // lost to a power cut is only unscored again). The next FULL commit, a decision's, syncs them all.
  const saveAll = db.transaction(() => {
    for (const result of results) {
      mark.run(result.commentId, scorer, result.modelVersion, scoredAt)
      if (result.rescored !== false) clear.run(result.commentId, scorer)
      values.length = 0
      for (const [attribute, score] of Object.entries(result.scores)) {
        if (score < SMALLEST_KEPT_SCORE) continue
        const spans = result.spans.length ? result.spans.filter((span) => span.attribute === attribute) : result.spans
        values.push(result.commentId, scorer, attribute, score, spans.length ? JSON.stringify(spans) : null)
      }
      if (values.length > 0) insert(values.length / 5).run(...values)
      if (projection) {
        const priority = Math.max(0, ...Object.values(result.scores))
        const words = projection.matchWords(result.text)
        const flagged = projection.isFlagged(result.scores, words) ? 1 : 0
        const wordsJson = words.length ? JSON.stringify(words) : null
        const uncertainty = uncertaintyOf(result.scores, projection.uncertaintyBoundary)
        project.run(JSON.stringify(keptScores(result.scores)), JSON.stringify(result.spans), priority, wordsJson, flagged, uncertainty, result.commentId)
      }
    }
  })
  // (Inside someone else's transaction the level cannot change, and their commit decides anyway.)
  const level = db.inTransaction ? null : (db.pragma('synchronous', { simple: true }) as number)
  if (level !== null) db.pragma('synchronous = NORMAL')
  try {
    saveAll()
  } finally {
    if (level !== null) db.pragma(`synchronous = ${level}`)
  }
}

/**
 * The projection keeps, like the scores table, only attributes from SMALLEST_KEPT_SCORE up (an absent one
 * reads as 0): the comment row stays narrow, which every status change rewrites.
 */
function keptScores(scores: Scores): Scores {
  return Object.fromEntries(Object.entries(scores).filter(([, score]) => score >= SMALLEST_KEPT_SCORE))
}

/** Forgets a comment's scores (its text changed), so every scorer scores it again. */
export function dropScores(db: Db, commentId: number): void {
  db.prepare('DELETE FROM scores WHERE comment_id = ?').run(commentId)
  db.prepare('DELETE FROM scorings WHERE comment_id = ?').run(commentId)
}
