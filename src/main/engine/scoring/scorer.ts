// What every scorer implements. A scorer is one module; the engine runs it over unscored comments.
import type { Attribute, Scores, Span } from '../../../shared/model'

export interface ScoreResult {
  /** Every attribute the scorer declares, each in 0..1. */
  scores: Scores
  /** The stretches of text that drove the scores (UTF-16 offsets into the text given). */
  spans: Span[]
}

export interface Scorer {
  /** Stable name, stored with every score (e.g. "local"). */
  readonly name: string
  /** Stored with every score so a new model's scores are never mixed up with an old one's. */
  readonly modelVersion: string
  readonly attributes: readonly Attribute[]
  /** How many texts one score() call takes. */
  readonly batchSize: number
  score(texts: string[]): Promise<ScoreResult[]>
}

/** What a scorer may need from the engine to be built. */
export interface ScorerContext {
  /** The folder holding model/ (the shipped local model). */
  resourcesDir: string
  /** The folder beside the database (a retrained local model, secrets). */
  dataDir: string
}
