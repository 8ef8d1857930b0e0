// The scoring slice of the contract: the scorers and their settings, thresholds, word lists and rules,
// scoring runs, and the local model learning from this newsroom's decisions.
import { z } from 'zod'
import { ATTRIBUTES, type JobSnapshot, type ScorerInfo } from '../model'
import { scoringSettingsSchema, type ScoringSettings } from '../settings'
import { command, event, nothing, query } from './contract'

const scorerName = z.string().min(1).max(64)

export const scoringCalls = {
  scoringSettings: query<ScoringSettings>()(nothing),
  /** Saves thresholds, word lists and rules, then re-checks every comment against them: a job. */
  saveScoringSettings: command<JobSnapshot>()(scoringSettingsSchema),
  /** Every scorer: whether it can score now (and why not, in a sentence), its attributes and settings. */
  scorers: query<ScorerInfo[]>()(nothing),
  /** Changes a scorer's settings (merged over the stored ones) and/or its API key (null forgets it). */
  configureScorer: command<ScorerInfo>()(
    z
      .object({
        name: scorerName,
        settings: z.record(z.string(), z.unknown()).default({}),
        key: z.string().min(1).max(1000).nullable().optional()
      })
      .strict()
  ),
  /** Scores every comment the named scorer has not scored yet, as a job (one per scorer at a time). */
  startScoring: command<JobSnapshot>()(z.object({ scorer: scorerName }).strict()),
  /** The same, waiting for the end: what the command line runs. */
  score: command<ScoringProgress>()(z.object({ scorer: scorerName.default('local') }).strict(), { local: true }),
  /** Every retraining of the local model (kept or not), oldest first; with `chart`, its learning curve as SVG. */
  modelLineage: query<ModelLineage>()(z.object({ chart: z.boolean().default(false) }).strict()),
  /** Refits the local model on this newsroom's decisions, then rescores with it if it was kept: a job. */
  learn: command<JobSnapshot>()(nothing),
  /** The same, waiting for the end; afresh on the labelled data sets in `dataDir` when given. */
  retrain: command<LearnReport>()(z.object({ dataDir: z.string().min(1).max(4096).optional() }).strict(), { local: true }),
  /** Measures a scorer on a held-out split of the labelled data, or on an NDJSON file of {text, label}. */
  evaluate: command<EvaluateResult>()(
    z
      .object({
        scorer: scorerName.default('local'),
        set: z.string().min(1).max(40).default('wiki'),
        dataDir: z.string().min(1).max(4096),
        data: z.string().min(1).max(4096).optional(),
        rankBy: z.enum([...ATTRIBUTES, 'max']).optional()
      })
      .strict(),
    { local: true }
  )
}

export const scoringEvents = {
  /** A scorer's state or settings changed (a key entered, a quota reached, a service gone). */
  scorersChanged: event<ScorerInfo[]>()
}

export interface ScoringProgress {
  done: number
  total: number
}

/** What retraining did: kept the new model or not, and the checks that decided it. */
export interface LearnReport {
  saved: boolean
  reason: string
  mode: 'from-data' | 'fine-tune'
  previousVersion: string
  version: string
  checks: { name: string; count: number; previousAuc: number; candidateAuc: number }[]
  trainingMs: number
  removed: number
  approved: number
  /** Comments scored again with the new model (0 when it was not kept). */
  rescored: number
}

/** One retraining of the local model, kept or not. */
export interface ModelLineageEntry {
  id: number
  /** The model in use after it: the new one when kept, else the one before. */
  version: string
  previousVersion: string
  trainedAt: string
  /** The approvals and removals it learned from (held-back ones included). */
  decisions: number
  /** ROC-AUC on the held-back decisions, ranked by the model before and by the retrained one; null without a check. */
  aucBefore: number | null
  aucAfter: number | null
  kept: boolean
  startedBy: 'automatic' | 'by hand'
}

export interface ModelLineage {
  entries: ModelLineageEntry[]
  /** Approvals and removals by a person since the last retraining, and how many start the next one. */
  decisionsSince: number
  retrainEvery: number
  /** The learning curve (held-back ROC-AUC by decisions learned from) as a self-contained SVG, when asked for and there is a point. */
  chart?: string | null
}

export interface EvaluateResult {
  scorer: string
  modelVersion: string
  /** What was measured, in words ("the wiki held-out split", a file name). */
  on: string
  rankBy: string
  count: number
  positives: number
  auc: number
  precisionRecallAt: { threshold: number; precision: number | null; recall: number; flagged: number }[]
  subgroupAuc: number
  subgroupCount: number
}
