// Scores per comment, scorer and attribute; the primary scorer's also feed the queue projection.
import type { Scores, Span, WordMatch } from '../../../../shared/model'
import { uncertaintyOf } from '../learning/teach-order'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

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
  /** The clause a removal would most likely cite (suggest-clauses.ts); none kept without it. */
  suggestClause?(text: string, scores: Scores): string
}

const unscored = (scorer: string, modelVersion: string) =>
  sql`FROM comments c WHERE NOT EXISTS (SELECT 1 FROM scorings s WHERE s.comment_id = c.id AND s.scorer = ${scorer} AND s.model_version = ${modelVersion})`

/** Rows a statement carries at most when it writes many (within both databases' limits on values). */
const ROWS_PER_STATEMENT = 500

/**
 * Comments this scorer's model has not scored yet, in id order after `afterId` (changed text drops old
 * scores, and a retrained model is a new version, so those come back too). Walking on from the last id
 * keeps each batch as cheap as the first.
 */
export function unscoredComments(db: Db, scorer: string, modelVersion: string, afterId: number, limit: number): UnscoredComment[] {
  return db
    .all<{ id: number; text: string; rescored: number }>(
      sql`SELECT c.id, c.text, CASE WHEN EXISTS (SELECT 1 FROM scorings s WHERE s.comment_id = c.id AND s.scorer = ${scorer}) THEN 1 ELSE 0 END AS rescored
          ${unscored(scorer, modelVersion)} AND c.id > ${afterId} ORDER BY c.id LIMIT ${limit}`
    )
    .map((row) => ({ id: row.id, text: row.text, rescored: row.rescored === 1 }))
}

export interface UnscoredComment {
  id: number
  text: string
  /** Whether this scorer scored it before (another model version, or older text): its old scores go. */
  rescored: boolean
}

export function countUnscored(db: Db, scorer: string, modelVersion: string): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n ${unscored(scorer, modelVersion)}`)!.n
}

export function saveScores(
  db: Db,
  scorer: string,
  results: (ScoredComment & { text: string })[],
  projection: Projection | null,
  now: Date
): void {
  const scoredAt = now.toISOString()
  // Scores can always be computed again, so their commits need not wait for the disk (a batch lost to a
  // power cut is only unscored again); the next decision's commit waits for them all.
  db.relaxedTransaction(() => {
    // Many rows a statement: most of the cost of a row is its statement's.
    for (let start = 0; start < results.length; start += ROWS_PER_STATEMENT) {
      const chunk = results.slice(start, start + ROWS_PER_STATEMENT)
      db.run(
        sql`INSERT INTO scorings (comment_id, scorer, model_version, scored_at)
            VALUES ${sql.join(chunk.map((result) => sql`(${result.commentId}, ${scorer}, ${result.modelVersion}, ${scoredAt})`))}
            ON CONFLICT (comment_id, scorer) DO UPDATE SET model_version = excluded.model_version, scored_at = excluded.scored_at`
      )
      const rescored = chunk.filter((result) => result.rescored !== false).map((result) => result.commentId)
      if (rescored.length) db.run(sql`DELETE FROM scores WHERE scorer = ${scorer} AND comment_id IN (${sql.join(rescored)})`)
      const rows = chunk.flatMap((result) =>
        Object.entries(result.scores)
          .filter(([, score]) => score >= SMALLEST_KEPT_SCORE)
          .map(([attribute, score]) => {
            const spans = result.spans.filter((span) => span.attribute === attribute)
            return sql`(${result.commentId}, ${scorer}, ${attribute}, ${score}, ${spans.length ? JSON.stringify(spans) : null})`
          })
      )
      for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
        db.run(sql`INSERT INTO scores (comment_id, scorer, attribute, score, spans) VALUES ${sql.join(rows.slice(at, at + ROWS_PER_STATEMENT))}`)
      }
      if (projection) project(db, chunk, projection)
    }
  })
}

/** Moves the primary scorer's scores into the columns that order and flag the queues, a statement per chunk. */
function project(db: Db, results: (ScoredComment & { text: string })[], projection: Projection): void {
  const values = results.map((result) => {
    const words = projection.matchWords(result.text)
    const priority = Math.max(0, ...Object.values(result.scores))
    const flagged = projection.isFlagged(result.scores, words) ? 1 : 0
    const uncertainty = uncertaintyOf(result.scores, projection.uncertaintyBoundary)
    const clause = projection.suggestClause?.(result.text, result.scores) ?? null
    // Typed: PostgreSQL reads an untyped value in VALUES as text. The id is cast where it is joined, not
    // here: a cast in the VALUES hides the key from SQLite's planner, which then scans every comment.
    return sql`(${result.commentId}, ${JSON.stringify(keptScores(result.scores))}, ${JSON.stringify(result.spans)},
                CAST(${priority} AS double precision), ${words.length ? JSON.stringify(words) : null}, CAST(${flagged} AS integer),
                CAST(${uncertainty} AS double precision), ${clause})`
  })
  db.run(
    sql`UPDATE comments SET scores = v.column2, spans = v.column3, priority = v.column4, words = v.column5, flagged = v.column6, uncertainty = v.column7,
                        teach_rank = v.column7, suggested_clause = v.column8
        FROM (VALUES ${sql.join(values)}) AS v WHERE comments.id = CAST(v.column1 AS bigint)`
  )
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
  db.run(sql`DELETE FROM scores WHERE comment_id = ${commentId}`)
  db.run(sql`DELETE FROM scorings WHERE comment_id = ${commentId}`)
}
