// int8 weights: a quarter of the memory of float32, so the table a comment's few hundred features jump
// around in stays in cache while the lexicon runs between comments, and it is what the model file stores.
import type { LinearModel, ModelAttribute } from './linear-model'

/** A model as scoring reads it: `weights[bucket * attributes.length + a] * scales[a]`. */
export interface CompiledModel {
  hashBits: number
  attributes: readonly ModelAttribute[]
  weights: Int8Array
  scales: Float64Array
  bias: Float64Array
  wordRates: ReadonlyMap<number, number>
  version: string
}

/** Each attribute's largest weight maps to ±127; weights under half a step round to 0 and are not stored. */
export function compile(model: LinearModel): CompiledModel {
  const stride = model.attributes.length
  const largest = new Float64Array(stride)
  for (let i = 0; i < model.weights.length; i++) largest[i % stride] = Math.max(largest[i % stride], Math.abs(model.weights[i]))
  const scales = largest.map((value) => value / 127 || 1)
  const weights = new Int8Array(model.weights.length)
  for (let i = 0; i < weights.length; i++) weights[i] = Math.round(model.weights[i] / scales[i % stride])
  return {
    hashBits: model.hashBits,
    attributes: model.attributes,
    weights,
    scales,
    bias: Float64Array.from(model.bias),
    wordRates: model.wordRates,
    version: model.version
  }
}
