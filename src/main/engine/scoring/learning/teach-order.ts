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

/**
 * Where this newsroom's decisions put the line: the TOXICITY at which a comment is as likely removed as
 * approved, from a one-variable logistic fit (Platt scaling) of removals on the log-odds of the score. A
 * model trained on other data is rarely calibrated for a newsroom (its removals may start at 0.2), and the
 * comments worth asking about are the ones near the newsroom's line, not near 0.5. Without ten decisions
 * of each kind it stays at 0.5.
 */
export function decisionBoundary(decided: readonly { score: number; label: number }[]): number {
  const removed = decided.filter((decision) => decision.label >= 0.5).length
  if (removed < 10 || decided.length - removed < 10) return 0.5
  const logit = (p: number): number => Math.log(Math.min(0.999, Math.max(0.001, p)) / (1 - Math.min(0.999, Math.max(0.001, p))))
  const xs = decided.map((decision) => logit(decision.score))
  const ys = decided.map((decision) => (decision.label >= 0.5 ? 1 : 0))
  // Newton's method on the log-likelihood of P(removed) = σ(a·x + b), with a little ridge for separable data.
  let a = 1
  let b = 0
  for (let step = 0; step < 25; step++) {
    let ga = -0.01 * a
    let gb = 0
    let haa = 0.01
    let hab = 0
    let hbb = 1e-6
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(a * x + b)))
      const w = p * (1 - p)
      ga += (ys[i] - p) * x
      gb += ys[i] - p
      haa += w * x * x
      hab += w * x
      hbb += w
    })
    const det = haa * hbb - hab * hab
    if (det <= 0) break
    a += (hbb * ga - hab * gb) / det
    b += (haa * gb - hab * ga) / det
  }
  if (!(a > 0)) return 0.5
  return Math.min(0.99, Math.max(0.01, 1 / (1 + Math.exp(b / a))))
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
  const { chosen, nearDuplicates } = teachSplit(candidates, options)
  return [...chosen, ...nearDuplicates]
}

/** The same order in its two parts: the spread-out candidates, and the near-duplicates that follow them. */
export function teachSplit<Id>(
  candidates: readonly TeachCandidate<Id>[],
  options: TeachOptions = {}
): { chosen: TeachCandidate<Id>[]; nearDuplicates: TeachCandidate<Id>[] } {
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
  return { chosen, nearDuplicates: later }
}
