// MinHash signatures of a comment's words: two comments' signatures agree in about the share of positions
// that their word sets overlap (Jaccard), so near-duplicates are found without comparing texts.
import { normalize } from '../local/normalize'
import { finish, mix, mixRange, seed } from '../local/model/hashing'

export const SIGNATURE_SIZE = 32
const SHINGLE = seed('minhash-shingle')
/** One odd multiplier and offset per position: h_i(x) = a_i·x + b_i (mod 2^32), a cheap family of permutations. */
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => finish(mix(SHINGLE, i * 2 + 1)) | 1)
const OFFSETS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => finish(mix(SHINGLE, i * 2 + 2)))

/** The signature of a text's words and word pairs (so word order counts a little). */
export function signature(text: string): Uint32Array {
  const words = normalize(text).words.map((word) => word.text)
  const shingles = new Set<number>()
  for (let i = 0; i < words.length; i++) {
    shingles.add(finish(mixRange(SHINGLE, words[i], 0, words[i].length)))
    if (i > 0) shingles.add(finish(mixRange(mix(mixRange(SHINGLE, words[i - 1], 0, words[i - 1].length), 0x20), words[i], 0, words[i].length)))
  }
  const out = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = (Math.imul(MULTIPLIERS[i], shingle) + OFFSETS[i]) >>> 0
      if (value < out[i]) out[i] = value
    }
  }
  return out
}

/** The estimated Jaccard similarity of two texts' shingle sets, 0..1. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}
