// Runs a scorer over every comment it has not scored yet, a batch at a time.
import type { Db } from '../store/database'
import { countUnscored, saveScores, unscoredComments, type Projection } from '../store/scores'
import type { Scorer } from './scorer'

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

export async function scoreUnscored(db: Db, scorer: Scorer, options: ScoringOptions): Promise<ScoringProgress> {
  const progress = { done: 0, total: countUnscored(db, scorer.name, scorer.modelVersion) }
  options.onProgress?.(progress)
  let afterId = 0
  while (!options.signal?.aborted) {
    const batch = unscoredComments(db, scorer.name, scorer.modelVersion, afterId, scorer.batchSize)
    if (batch.length === 0) break
    afterId = batch[batch.length - 1].id
    const results = await scorer.score(
      batch.map((comment) => comment.text),
      options.signal
    )
    saveScores(
      db,
      scorer.name,
      batch.map((comment, index) => ({ commentId: comment.id, text: comment.text, modelVersion: scorer.modelVersion, ...results[index] })),
      options.projection,
      options.now()
    )
    progress.done += batch.length
    options.onProgress?.(progress)
  }
  return progress
}
