// What a trained model is: one logistic regression per attribute over a shared hashed feature space.
import type { Attribute } from '../../../../../shared/model'

/** The attributes the labelled data teaches; the rest come from the lexicon or are derived (see model-scorer). */
export const MODEL_ATTRIBUTES = ['TOXICITY', 'INSULT', 'PROFANITY', 'THREAT', 'IDENTITY_ATTACK'] as const satisfies readonly Attribute[]
export type ModelAttribute = (typeof MODEL_ATTRIBUTES)[number]

export interface LinearModel {
  /** The feature space has 2^hashBits buckets. */
  hashBits: number
  /** The feature extraction the weights belong to (features.ts). */
  featuresVersion: string
  attributes: readonly ModelAttribute[]
  /** Bucket-major: `weights[bucket * attributes.length + a]`, so one bucket's weights sit together. */
  weights: Float32Array
  bias: Float32Array
  /** Learned from the toxic-spans data: per word (by `wordKey`), the share of its uses marked toxic. */
  wordRates: ReadonlyMap<number, number>
  /** Derived from the model file's content hash; '' until the model is written or read. */
  version: string
  /** What it was trained on and how, kept in the file for people reading it. */
  info: Record<string, string | number>
}

/** A text with what it is, per attribute, as the probability a moderator would say yes (0..1). */
export interface Example {
  text: string
  /** An attribute left out is unknown for this text, not "no". */
  labels: Partial<Record<ModelAttribute, number>>
  /** How much this text counts in training, before class weighting (1 by default). */
  weight?: number
  /** Which data set it came from, for per-source weighting and reports. */
  source?: string
}

/** A text with one yes/no answer: should it go (1) or stay (0)? Used for evaluation and the newsroom's decisions. */
export interface LabelledText {
  text: string
  label: number
}
