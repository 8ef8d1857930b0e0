// Scores a text with a (compiled) linear model, and traces a score back to the words that drove it.
import { EVIDENCE_SIZE, evidenceTable } from './evidence'
import { extractFeatures, FeatureBuffer, wordGrams, wordRate, type Features, type KnownWords } from './features'
import type { LinearModel } from './linear-model'
import { compile, type CompiledModel } from './quantize'

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit))
}

/** One probability per model attribute, in `model.attributes` order, written into `out`. */
export function probabilitiesOf(model: CompiledModel, features: Features, out: Float64Array): Float64Array {
  const stride = model.attributes.length
  if (stride === 5) return fiveProbabilities(model, features, out)
  const { buckets, values } = features
  const weights = model.weights
  out.fill(0, 0, stride)
  for (let i = 0; i < features.length; i++) {
    const base = buckets[i] * stride
    const value = values[i]
    for (let a = 0; a < stride; a++) out[a] += value * weights[base + a]
  }
  for (let a = 0; a < stride; a++) out[a] = sigmoid(model.bias[a] + out[a] * model.scales[a])
  return out
}

/** The same for the five attributes of a full model, unrolled: this loop is most of the model's scoring time. */
function fiveProbabilities(model: CompiledModel, features: Features, out: Float64Array): Float64Array {
  const { buckets, values } = features
  const { weights, scales, bias } = model
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let s4 = 0
  for (let i = 0; i < features.length; i++) {
    const base = buckets[i] * 5
    const value = values[i]
    s0 += value * weights[base]
    s1 += value * weights[base + 1]
    s2 += value * weights[base + 2]
    s3 += value * weights[base + 3]
    s4 += value * weights[base + 4]
  }
  out[0] = sigmoid(bias[0] + s0 * scales[0])
  out[1] = sigmoid(bias[1] + s1 * scales[1])
  out[2] = sigmoid(bias[2] + s2 * scales[2])
  out[3] = sigmoid(bias[3] + s3 * scales[3])
  out[4] = sigmoid(bias[4] + s4 * scales[4])
  return out
}

/** How many words' n-gram sums a GramSums keeps before it starts afresh. */
const GRAM_CACHE_WORDS = 100_000

/**
 * Per word, its character n-grams' int8 weights summed per attribute, and its toxic-word rate: words repeat
 * from comment to comment, so the thousand-odd n-gram look-ups of a comment become a look-up per word.
 */
export class GramSums implements KnownWords {
  private readonly sums = new Map<string, Float64Array>()
  private readonly buffer = new FeatureBuffer()

  constructor(private readonly model: CompiledModel) {}

  rateOf(word: string): number {
    return this.of(word)[this.model.attributes.length + 1]
  }

  /** `[count, sum of attribute 0, sum of attribute 1, …, toxic-word rate]` for `word`. */
  of(word: string): Float64Array {
    let sums = this.sums.get(word)
    if (sums) return sums
    const stride = this.model.attributes.length
    sums = new Float64Array(stride + 2)
    sums[stride + 1] = wordRate(word, this.model.wordRates)
    const grams = wordGrams(word, this.model.hashBits, this.buffer)
    sums[0] = grams.length
    for (let i = 0; i < grams.length; i++) {
      const base = grams.buckets[i] * stride
      for (let a = 0; a < stride; a++) sums[a + 1] += this.model.weights[base + a]
    }
    if (this.sums.size >= GRAM_CACHE_WORDS) this.sums.clear()
    this.sums.set(word, sums)
    return sums
  }
}

const gramTotals = new Float64Array(16)

/**
 * The same probabilities as `probabilitiesOf` on the full features, from features extracted without their
 * character n-grams (extractFeatures with `grams` false) plus each word's n-gram sums.
 */
export function probabilitiesWithGramSums(model: CompiledModel, features: Features, gramSums: GramSums, out: Float64Array): Float64Array {
  const stride = model.attributes.length
  const { buckets, values, pieces } = features
  const weights = model.weights
  out.fill(0, 0, stride)
  for (let i = 0; i < features.length; i++) {
    const base = buckets[i] * stride
    const value = values[i]
    for (let a = 0; a < stride; a++) out[a] += value * weights[base + a]
  }
  let count = 0
  const totals = gramTotals.fill(0, 0, stride)
  for (let p = 0; p < pieces.length; p++) {
    const sums = gramSums.of(pieces[p].text)
    count += sums[0]
    for (let a = 0; a < stride; a++) totals[a] += sums[a + 1]
  }
  if (count > 0) {
    // The value FeatureBuffer.scale gives every n-gram, as float32 as it stores it; the int8 sums are exact.
    const value = Math.fround(1 / Math.sqrt(count))
    for (let a = 0; a < stride; a++) out[a] += value * totals[a]
  }
  for (let a = 0; a < stride; a++) out[a] = sigmoid(model.bias[a] + out[a] * model.scales[a])
  return out
}

/** Scores texts (lexicon evidence included) with the model as it would be saved: one probability per attribute. */
export async function predictTexts(model: LinearModel, texts: readonly string[]): Promise<Float64Array[]> {
  const compiled = compile(model)
  const evidence = await evidenceTable(texts)
  const buffer = new FeatureBuffer()
  return texts.map((text, i) => {
    const features = extractFeatures(text, model, evidence.subarray(i * EVIDENCE_SIZE, (i + 1) * EVIDENCE_SIZE), buffer)
    return probabilitiesOf(compiled, features, new Float64Array(model.attributes.length))
  })
}

/** How much each piece (word or spelt-out run) added to attribute `a`'s logit; a bigram's share is split between its words. */
export function contributions(model: CompiledModel, features: Features, a: number): Float64Array {
  const stride = model.attributes.length
  const scale = model.scales[a]
  const byPiece = new Float64Array(features.pieces.length)
  for (let i = 0; i < features.length; i++) {
    const owner = features.owners[i]
    if (owner < 0) continue
    const amount = features.values[i] * model.weights[features.buckets[i] * stride + a] * scale
    const piece = owner >> 1
    if (owner & 1) {
      byPiece[piece] += amount / 2
      byPiece[piece + 1] += amount / 2
    } else byPiece[piece] += amount
  }
  return byPiece
}
