// What every scorer implements. A scorer is one module; the engine runs it over unscored comments.
import type { Attribute, ScorerState, Scores, Span } from '../../../shared/model'
import type { SecretStore } from '../secrets/secret-store'

export interface ScoreResult {
  /** Every attribute the scorer declares, each in 0..1. */
  scores: Scores
  /** The stretches of text that drove the scores (UTF-16 offsets into the text given). */
  spans: Span[]
}

/** Whether a scorer can be used now, and a sentence for the moderator saying why not. */
export interface ScorerStatus {
  state: ScorerState
  detail: string
}

export interface Scorer {
  /** Stable name, stored with every score (e.g. "local"). */
  readonly name: string
  /** What the settings screen and the CLI call it. */
  readonly label: string
  /** Stored with every score so a new model's scores are never mixed up with an old one's. */
  readonly modelVersion: string
  readonly attributes: readonly Attribute[]
  /** The languages it reads (BCP 47 codes), or 'any'. */
  readonly languages: readonly string[] | 'any'
  /** How many texts one score() call takes. */
  readonly batchSize: number
  /** Whether comment text leaves the machine; remote scorers go through the score cache. */
  readonly remote: boolean
  /** Where a remote scorer sends text and its key (the key is only given to a scorer at its own origin). */
  readonly endpoint?: string
  /** The pace the service allows; the scheduler keeps to it. */
  readonly rateLimit?: { requestsPerSecond: number }
  /** The settings in force (never a key), for the settings screen. */
  readonly settings?: Readonly<Record<string, unknown>>
  /** What can be known without calling the service (no key, past its shutdown); absent means ready. */
  status?(): ScorerStatus
  score(texts: string[], signal?: AbortSignal): Promise<ScoreResult[]>
  /** The same scorer spread over worker threads, for a long run (the local scorer has one); close it after. */
  parallel?(): ParallelScorer
}

/** A scorer that takes several score() calls at once (on worker threads) until it is closed. */
export interface ParallelScorer extends Scorer {
  /** How many score() calls it keeps busy at once. */
  readonly concurrency: number
  close(): Promise<void>
}

/** What a scorer may need from the engine to be built. */
export interface ScorerContext {
  /** The folder holding the shipped models. */
  resourcesDir: string
  /** The folder beside the database. */
  dataDir: string
  /** Where the scorer's API key lives (under scorerKeyName(name)). */
  secrets: SecretStore
  /** The scorer's stored settings as saved (the scorer parses them with its own schema). */
  settings: unknown
  now: () => Date
}

/** The secret-store name of a scorer's API key (env override: SIEVE_SECRET_SCORER_<NAME>_KEY). */
export function scorerKeyName(scorer: string): string {
  return `scorer:${scorer}:key`
}

