// Ranking and threshold metrics over plain arrays: scores in 0..1, labels 1 (should go) or 0 (should stay).

/** ROC-AUC: the chance a random positive outranks a random negative (ties count half). NaN without both classes. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((x, y) => scores[x] - scores[y])
  let positives = 0
  let rankSum = 0
  for (let i = 0; i < order.length; ) {
    // Tied scores share the average of their ranks (1-based).
    let j = i
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++
    const rank = (i + j + 2) / 2
    for (let k = i; k <= j; k++) {
      if (labels[order[k]] >= 0.5) {
        positives++
        rankSum += rank
      }
    }
    i = j + 1
  }
  const negatives = order.length - positives
  if (positives === 0 || negatives === 0) return Number.NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

export interface PrecisionRecall {
  threshold: number
  /** Share of the flagged texts (score ≥ threshold) that should go; null when nothing is flagged. */
  precision: number | null
  /** Share of the texts that should go that are flagged. */
  recall: number
  flagged: number
}

export function precisionRecallAt(scores: ArrayLike<number>, labels: ArrayLike<number>, thresholds: readonly number[]): PrecisionRecall[] {
  return thresholds.map((threshold) => {
    let flagged = 0
    let hits = 0
    let positives = 0
    for (let i = 0; i < scores.length; i++) {
      const positive = labels[i] >= 0.5
      if (positive) positives++
      if (scores[i] >= threshold) {
        flagged++
        if (positive) hits++
      }
    }
    return { threshold, precision: flagged > 0 ? hits / flagged : null, recall: positives > 0 ? hits / positives : 0, flagged }
  })
}

/** AUC within the texts `inGroup` picks (e.g. those mentioning identity terms); NaN when it lacks a class. */
export function subgroupAuc(scores: ArrayLike<number>, labels: ArrayLike<number>, inGroup: ArrayLike<boolean>): number {
  const groupScores: number[] = []
  const groupLabels: number[] = []
  for (let i = 0; i < scores.length; i++) {
    if (!inGroup[i]) continue
    groupScores.push(scores[i])
    groupLabels.push(labels[i])
  }
  return rocAuc(groupScores, groupLabels)
}

/**
 * Character-level F1 between highlighted and gold stretches of one text, as in SemEval-2021 Task 5: 1 when
 * both are empty, 0 when only one is.
 */
export function characterF1(predicted: readonly { start: number; end: number }[], gold: readonly { start: number; end: number }[]): number {
  const chars = (stretches: readonly { start: number; end: number }[]): Set<number> => {
    const set = new Set<number>()
    for (const { start, end } of stretches) for (let i = start; i < end; i++) set.add(i)
    return set
  }
  const mine = chars(predicted)
  const theirs = chars(gold)
  if (mine.size === 0 && theirs.size === 0) return 1
  if (mine.size === 0 || theirs.size === 0) return 0
  let both = 0
  for (const i of mine) if (theirs.has(i)) both++
  return (2 * both) / (mine.size + theirs.size)
}
