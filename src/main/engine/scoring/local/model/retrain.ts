// Retrains the local model with a newsroom's own decisions (removed = 1, approved = 0) and replaces the model
// file only when the new model is no worse on held-out text than the one it would replace.
import { evaluateScorer, type RankBy } from './benchmarks'
import { loadCorpus, type Corpus } from './data/corpus'
import { finish, mixRange, seed } from './hashing'
import { MODEL_ATTRIBUTES, type Example, type LabelledText, type LinearModel } from './linear-model'
import { loadModel, saveModel } from './model-file'
import { scorerFromModel } from './model-scorer'
import { trainModel, type TrainOptions } from './train'

export interface RetrainOptions {
  /** The current model: the one to beat. */
  modelPath: string
  /**
   * The model to fine-tune from (default: `modelPath`). Pass the shipped model and every decision so far,
   * so that a retrained model depends on the decisions, not on how many times retraining ran.
   */
  basePath?: string
  /** Where the new model goes if it is kept (default: over `modelPath`). */
  outputPath?: string
  /** The newsroom's decisions: 1 removed, 0 approved. */
  examples: readonly LabelledText[]
  /**
   * The data sets (../shared/data). With them the model is trained afresh on them plus the decisions and
   * checked on the wiki held-out split too; without them the base model is fine-tuned on the decisions.
   */
  dataDir?: string
  /**
   * Share of the decisions held back to compare old and new models on (default 0.2). Picked by a hash of
   * the text, so the same decisions are held back every time and no model ever trains on them: the check
   * stays fair from one retraining to the next.
   */
  holdOutShare?: number
  /** How much AUC the new model may lose on any check and still be kept (default 0.005). */
  tolerance?: number
  /** Which score the checks rank by (default TOXICITY, the attribute decisions teach). */
  pick?: RankBy
  /** What one decision weighs against one data-set example when training afresh (default 5). */
  decisionWeight?: number
  train?: TrainOptions
}

export interface RetrainCheck {
  name: string
  count: number
  previousAuc: number
  candidateAuc: number
}

export interface RetrainReport {
  saved: boolean
  reason: string
  mode: 'from-data' | 'fine-tune'
  previousVersion: string
  /** The model now at the output path (the previous one when nothing was saved). */
  version: string
  checks: RetrainCheck[]
  trainingMs: number
}

const SPLIT = seed('decisions-split')
const DEFAULT_HOLD_OUT = 0.2
// A fine-tune pulls every weight it moves back towards the base model (l2), so that learning a newsroom does
// not unlearn the rest: the shipped model fine-tuned on 832 Fox News decisions ranks the wiki held-out split
// 0.929 → 0.923 with the pull and → 0.891 without it. A stronger pull forgets less but learns a newsroom's own
// words more slowly (tests/integration/learn.test.ts).
const FINE_TUNE = { epochs: 5, learningRate: 0.03, l2: 0.03 }
/** A decision is the newsroom's own call on its own kind of text: worth several data-set examples. */
const DECISION_WEIGHT = 5

/** A removal says "toxic" (which kind is unknown); an approval says "none of it". */
export function decisionExamples(decisions: readonly LabelledText[], weight = 1): Example[] {
  return decisions.map(({ text, label }) => ({
    text,
    labels: label >= 0.5 ? { TOXICITY: 1 } : Object.fromEntries(MODEL_ATTRIBUTES.map((attribute) => [attribute, 0])),
    weight,
    source: 'decisions'
  }))
}

/** Whether `retrain` holds this decision back to check on (decided by the text alone, so it is stable). */
export function isHeldBack(text: string, share = DEFAULT_HOLD_OUT): boolean {
  return finish(mixRange(SPLIT, text, 0, text.length)) % 1000 < share * 1000
}

function hasBothClasses(examples: readonly LabelledText[]): boolean {
  return examples.some((example) => example.label >= 0.5) && examples.some((example) => example.label < 0.5)
}

/**
 * Trains a model the way `retrain` does, without saving or checking anything: with `corpus`, afresh on the
 * data sets plus the decisions; without, by fine-tuning `base` on the decisions (seconds).
 */
export async function trainWithDecisions(
  base: LinearModel,
  decisions: readonly LabelledText[],
  options: { corpus?: Corpus; decisionWeight?: number; train?: TrainOptions } = {}
): Promise<LinearModel> {
  const { corpus } = options
  if (!corpus) return trainModel(decisionExamples(decisions), { ...FINE_TUNE, ...options.train, base })
  const examples = [...corpus.training, ...decisionExamples(decisions, options.decisionWeight ?? DECISION_WEIGHT)]
  return trainModel(examples, { wordRates: corpus.wordRates, ...options.train })
}

export async function retrain(options: RetrainOptions): Promise<RetrainReport> {
  const started = Date.now()
  const previous = loadModel(options.modelPath)
  const base = options.basePath ? loadModel(options.basePath) : previous
  const corpus = options.dataDir ? loadCorpus(options.dataDir) : undefined
  const share = options.holdOutShare ?? DEFAULT_HOLD_OUT
  const heldBack = options.examples.filter((example) => isHeldBack(example.text, share))
  const training = options.examples.filter((example) => !isHeldBack(example.text, share))
  const candidate = await trainWithDecisions(base, training, { corpus, decisionWeight: options.decisionWeight, train: options.train })

  const checkSets: { name: string; examples: readonly LabelledText[] }[] = []
  if (corpus) checkSets.push({ name: 'wiki held-out', examples: corpus.wikiHeldOut })
  if (hasBothClasses(heldBack)) checkSets.push({ name: 'held-back decisions', examples: heldBack })
  const checks: RetrainCheck[] = []
  for (const { name, examples } of checkSets) {
    const before = await evaluateScorer(scorerFromModel(previous), examples, options.pick)
    const after = await evaluateScorer(scorerFromModel(candidate), examples, options.pick)
    checks.push({ name, count: examples.length, previousAuc: before.auc, candidateAuc: after.auc })
  }
  const tolerance = options.tolerance ?? 0.005
  const worse = checks.filter((check) => check.candidateAuc < check.previousAuc - tolerance)
  const mode = options.dataDir ? 'from-data' : 'fine-tune'
  if (worse.length > 0) {
    return {
      saved: false,
      reason: `kept the previous model: the new one ranks worse on ${worse.map((check) => check.name).join(' and ')}`,
      mode,
      previousVersion: previous.version,
      version: previous.version,
      checks,
      trainingMs: Date.now() - started
    }
  }
  const saved = saveModel(candidate, options.outputPath ?? options.modelPath)
  return {
    saved: true,
    reason: checks.length > 0 ? 'the new model ranks at least as well on every check' : 'saved unchecked: no held-out set with both classes',
    mode,
    previousVersion: previous.version,
    version: saved.version,
    checks,
    trainingMs: Date.now() - started
  }
}
