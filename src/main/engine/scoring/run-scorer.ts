// Runs a scorer over every comment it has not scored yet, a batch at a time.
import type { Db } from '../database/database'
import { countUnscored, saveScores, unscoredComments, type Projection, type UnscoredComment } from './store/scores'
import type { ScoreResult, Scorer } from './scorer'

export interface ScoringProgress {
  done: number
  total: number
}

export interface ScoringOptions {
  /** Given for the scorer whose scores order and flag the queues. */
  projection: Projection | null
  now: () => Date
  onProgress?: (progress: ScoringProgress) => void
  signal?: AbortSignal
}

/** Fewer unscored comments than this are scored in this thread: starting worker threads would cost more. */
export const PARALLEL_FROM = 5000

/**
 * Scores every comment `scorer` has not scored, a batch at a time, saving each batch as it comes back. A
 * long run of a scorer that has worker threads keeps several batches in flight and saves them in order.
 * A cancel stops reading new batches; the batches already sent are still saved, so whatever was scored
 * is kept and the next run starts after it.
 */
export async function scoreUnscored(db: Db, scorer: Scorer, options: ScoringOptions): Promise<ScoringProgress> {
  const progress = { done: 0, total: countUnscored(db, scorer.name, scorer.modelVersion) }
  options.onProgress?.(progress)
  const pool = progress.total >= PARALLEL_FROM && scorer.parallel ? scorer.parallel() : null
  const working = pool ?? scorer
  const concurrency = pool?.concurrency ?? 1
  // A shorter job is cut into at least four rounds of batches: every thread has work, and a cancel has
  // batches left to skip.
  const batchSize = pool ? Math.min(pool.batchSize, Math.max(scorer.batchSize, Math.ceil(progress.total / (concurrency * 4)))) : scorer.batchSize
  const inFlight: { batch: UnscoredComment[]; results: Promise<ScoreResult[]> }[] = []
  let afterId = 0
  let exhausted = false
  try {
    for (;;) {
      while (!exhausted && !options.signal?.aborted && inFlight.length < concurrency) {
        const batch = unscoredComments(db, scorer.name, scorer.modelVersion, afterId, batchSize)
        if (batch.length === 0) {
          exhausted = true
          break
        }
        afterId = batch[batch.length - 1].id
        const results = working.score(
          batch.map((comment) => comment.text),
          options.signal
        )
        // Awaited in order below; a failure of one waiting behind it must not go unhandled meanwhile.
        results.catch(() => undefined)
        inFlight.push({ batch, results })
      }
      const next = inFlight.shift()
      if (!next) break
      const results = await next.results
      saveScores(
        db,
        scorer.name,
        next.batch.map((comment, index) => ({
          commentId: comment.id,
          rescored: comment.rescored,
          text: comment.text,
          modelVersion: scorer.modelVersion,
          ...results[index]
        })),
        options.projection,
        options.now()
      )
      progress.done += next.batch.length
      options.onProgress?.(progress)
    }
  } finally {
    await pool?.close()
  }
  return progress
}
