// The model on disk: a small JSON header; the buckets with a weight that survives int8 quantising
// (quantize.ts), as delta-coded varints; each kept bucket's int8 per attribute; then the toxic-word rates
// (sorted uint32 word keys, then one uint8 rate each). Its version is a hash of the bytes, so a retrained
// model never passes for the one before it.
import { createHash } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { FEATURES_VERSION } from './features'
import { MODEL_ATTRIBUTES, type LinearModel, type ModelAttribute } from './linear-model'
import { compile, type CompiledModel } from './quantize'

const MAGIC = 'SIEVELM1'

interface Header {
  hashBits: number
  featuresVersion: string
  attributes: ModelAttribute[]
  /** What one int8 step is worth, per attribute. */
  scales: number[]
  bias: number[]
  /** How many buckets have weights. */
  rows: number
  /** How many words have a toxic-word rate. */
  wordRates: number
  info: Record<string, string | number>
}

/** A compiled model, plus what the file says about it. */
export type StoredModel = CompiledModel & { featuresVersion: string; info: Record<string, string | number> }

export function versionOf(bytes: Uint8Array): string {
  return `local-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`
}

function varint(out: number[], value: number): void {
  for (; value >= 0x80; value >>>= 7) out.push((value & 0x7f) | 0x80)
  out.push(value)
}

export function encodeModel(model: LinearModel): Uint8Array {
  const { weights, scales } = compile(model)
  const stride = model.attributes.length
  const deltas: number[] = []
  const rows: number[] = []
  for (let bucket = 0; bucket < 1 << model.hashBits; bucket++) {
    let kept = false
    for (let a = 0; a < stride && !kept; a++) kept = weights[bucket * stride + a] !== 0
    if (!kept) continue
    varint(deltas, bucket - (rows.at(-1) ?? 0))
    rows.push(bucket)
  }
  const rates = [...model.wordRates].sort((x, y) => x[0] - y[0])
  const header: Header = {
    hashBits: model.hashBits,
    featuresVersion: model.featuresVersion,
    attributes: [...model.attributes],
    scales: [...scales],
    bias: [...model.bias],
    rows: rows.length,
    wordRates: rates.length,
    info: model.info
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const bytes = Buffer.alloc(MAGIC.length + 4 + json.length + deltas.length + rows.length * stride + rates.length * 5)
  let at = bytes.write(MAGIC, 0, 'latin1')
  at = bytes.writeUInt32LE(json.length, at)
  at += json.copy(bytes, at)
  bytes.set(deltas, at)
  at += deltas.length
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + at, rows.length * stride)
  rows.forEach((bucket, row) => values.set(weights.subarray(bucket * stride, (bucket + 1) * stride), row * stride))
  at += values.length
  for (const [key] of rates) at = bytes.writeUInt32LE(key, at)
  for (const [, rate] of rates) at = bytes.writeUInt8(Math.round(rate * 255), at)
  return bytes
}

/** The model as scoring reads it, straight from the file's int8s (no float copy): loads in milliseconds. */
export function decodeCompiled(bytes: Uint8Array): StoredModel {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buffer.length < MAGIC.length + 4 || buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('This is not a Sieve model file.')
  const jsonLength = buffer.readUInt32LE(MAGIC.length)
  let at = MAGIC.length + 4
  const header = JSON.parse(buffer.toString('utf8', at, at + jsonLength)) as Header
  at += jsonLength
  if (header.featuresVersion !== FEATURES_VERSION) {
    throw new Error(`The model was trained on features "${header.featuresVersion}"; this Sieve extracts "${FEATURES_VERSION}". Retrain it.`)
  }
  if (!header.attributes.every((attribute) => (MODEL_ATTRIBUTES as readonly string[]).includes(attribute))) {
    throw new Error('The model file names attributes this Sieve does not know.')
  }
  const stride = header.attributes.length
  const weights = new Int8Array(stride << header.hashBits)
  // The values follow the varints: find where they start, then read the two side by side (no view per row).
  let valueAt = at
  for (let row = 0; row < header.rows; valueAt++) if (buffer[valueAt] < 0x80) row++
  const values = new Int8Array(buffer.buffer, buffer.byteOffset + valueAt, header.rows * stride)
  let bucket = 0
  for (let row = 0; row < header.rows; row++) {
    let delta = 0
    for (let shift = 0; ; shift += 7) {
      const byte = buffer[at++]
      delta |= (byte & 0x7f) << shift
      if (byte < 0x80) break
    }
    bucket += delta
    const base = bucket * stride
    for (let a = 0; a < stride; a++) weights[base + a] = values[row * stride + a]
  }
  at = valueAt + values.length
  const wordRates = new Map<number, number>()
  const rates = at + header.wordRates * 4
  for (let i = 0; i < header.wordRates; i++) wordRates.set(buffer.readUInt32LE(at + i * 4), buffer[rates + i] / 255)
  return {
    hashBits: header.hashBits,
    featuresVersion: header.featuresVersion,
    attributes: header.attributes,
    weights,
    scales: Float64Array.from(header.scales),
    bias: Float64Array.from(header.bias),
    wordRates,
    version: versionOf(bytes),
    info: header.info
  }
}

/** The model with float weights, to evaluate or fine-tune. */
export function decodeModel(bytes: Uint8Array): LinearModel {
  const stored = decodeCompiled(bytes)
  const stride = stored.attributes.length
  const weights = Float32Array.from(stored.weights, (q, i) => q * stored.scales[i % stride])
  return { ...stored, weights, bias: Float32Array.from(stored.bias) }
}

export function loadCompiled(path: string): StoredModel {
  return decodeCompiled(readFileSync(path))
}

export function loadModel(path: string): LinearModel {
  return decodeModel(readFileSync(path))
}

/** Writes the model (whole or not at all) and returns it as read back: quantised, with its version. */
export function saveModel(model: LinearModel, path: string): LinearModel {
  const bytes = encodeModel(model)
  const partial = `${path}.partial`
  writeFileSync(partial, bytes)
  renameSync(partial, path)
  return decodeModel(bytes)
}
