// Measures a model (or any scores) against texts labelled should-go (1) / should-stay (0).
import { identityMask } from './identity-terms'
import type { LabelledText, LinearModel, ModelAttribute } from './linear-model'
import { precisionRecallAt, rocAuc, subgroupAuc, type PrecisionRecall } from './metrics'
import { predictTexts } from './predict'

export const THRESHOLDS = [0.5, 0.7, 0.9] as const

export interface Evaluation {
  count: number
  positives: number
  auc: number
  precisionRecallAt: PrecisionRecall[]
  /** AUC among the texts that mention an identity term (NaN when they lack a class). */
  subgroupAuc: number
  subgroupCount: number
}

/** Metrics for scores already computed, one per example, in order. */
export function evaluateScores(scores: ArrayLike<number>, examples: readonly LabelledText[], thresholds: readonly number[] = THRESHOLDS): Evaluation {
  const labels = examples.map((example) => example.label)
  const inGroup = identityMask(examples.map((example) => example.text))
  return {
    count: examples.length,
    positives: labels.filter((label) => label >= 0.5).length,
    auc: rocAuc(scores, labels),
    precisionRecallAt: precisionRecallAt(scores, labels, thresholds),
    subgroupAuc: subgroupAuc(scores, labels, inGroup),
    subgroupCount: inGroup.filter(Boolean).length
  }
}

/** Evaluates one attribute of the model (TOXICITY by default), or the highest of them ('max'). */
export async function evaluate(
  model: LinearModel,
  examples: readonly LabelledText[],
  options: { attribute?: ModelAttribute | 'max'; thresholds?: readonly number[] } = {}
): Promise<Evaluation> {
  const wanted = options.attribute ?? 'TOXICITY'
  const index = wanted === 'max' ? -1 : model.attributes.indexOf(wanted)
  if (wanted !== 'max' && index < 0) throw new Error(`The model has no ${wanted} attribute.`)
  const predictions = await predictTexts(
    model,
    examples.map((example) => example.text)
  )
  const scores = predictions.map((probabilities) => (index < 0 ? Math.max(...probabilities) : probabilities[index]))
  return evaluateScores(scores, examples, options.thresholds)
}
