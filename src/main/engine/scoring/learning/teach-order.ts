// "Teach Sieve": the pending comments whose decision would teach the model most — those it is least sure
// about — spread out, so a moderator's next fifty decisions are not fifty copies of one spam run.
import type { Scores } from '../../../../shared/model'
import { signature, similarity, SIGNATURE_SIZE } from './minhash'

/**
 * How unsure the model is about a comment, 0..1: 1 when its removal score (TOXICITY, the attribute a
 * decision teaches) is at the boundary, 0 when it is certain either way. Stored per comment when scoring.
 */
export function uncertaintyOf(scores: Scores, boundary = 0.5): number {
  const p = scores.TOXICITY ?? 0
  const distance = p < boundary ? (boundary - p) / boundary : (p - boundary) / (1 - boundary)
  return Math.round((1 - Math.min(1, distance)) * 1000) / 1000
}

export interface TeachCandidate<Id> {
  id: Id
  text: string
  uncertainty: number
}

export interface TeachOptions {
  /** A candidate at least this similar (estimated Jaccard of words and word pairs) to one already chosen is a near-duplicate. */
  nearDuplicate?: number
}

/** Bands of the MinHash signature: two texts sharing any band are compared (LSH), the rest never are; two rows a band finds 99 % of pairs at Jaccard 0.5. */
const BANDS = 16
const ROWS = SIGNATURE_SIZE / BANDS

/**
 * The candidates in teaching order: most uncertain first, each skipping any candidate that is a near-
 * duplicate of one already placed; the near-duplicates follow at the end, in their own uncertainty order.
 * Pure: the same candidates give the same order (ties keep the order given).
 */
export function teachOrder<Id>(candidates: readonly TeachCandidate<Id>[], options: TeachOptions = {}): TeachCandidate<Id>[] {
  const threshold = options.nearDuplicate ?? 0.5
  const sorted = candidates.map((candidate, index) => ({ candidate, index })).sort((a, b) => b.candidate.uncertainty - a.candidate.uncertainty || a.index - b.index)
  const chosen: TeachCandidate<Id>[] = []
  const later: TeachCandidate<Id>[] = []
  const signatures: Uint32Array[] = []
  const buckets = new Map<string, number[]>()
  for (const { candidate } of sorted) {
    const mine = signature(candidate.text)
    const keys = Array.from({ length: BANDS }, (_, band) => `${band}:${mine.subarray(band * ROWS, (band + 1) * ROWS).join(',')}`)
    const seen = new Set<number>()
    let duplicate = false
    for (const key of keys) {
      for (const other of buckets.get(key) ?? []) {
        if (seen.has(other)) continue
        seen.add(other)
        if (similarity(mine, signatures[other]) >= threshold) duplicate = true
      }
      if (duplicate) break
    }
    if (duplicate) {
      later.push(candidate)
      continue
    }
    const at = signatures.push(mine) - 1
    for (const key of keys) buckets.set(key, [...(buckets.get(key) ?? []), at])
    chosen.push(candidate)
  }
  return [...chosen, ...later]
}
