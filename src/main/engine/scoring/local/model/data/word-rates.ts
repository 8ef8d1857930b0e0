// Toxic-word rates: per word, the share of its uses in toxic-spans posts that the raters marked as part of
// a toxic span. A data-made lexicon with a strength per word, which lets the model weigh a comment by its
// worst words as well as by all of them (features.ts).
import { normalize } from '../../normalize'
import { agreedSpans, type ToxicSpansRow } from './toxic-spans'

/** Rarer words get no rate: three uses, two of them marked, at least. */
const MIN_USES = 3
const MIN_MARKED = 2

export function toxicWordRates(rows: readonly ToxicSpansRow[]): Map<string, number> {
  const uses = new Map<string, number>()
  const marked = new Map<string, number>()
  for (const row of rows) {
    const agreed = agreedSpans(row)
    for (const word of normalize(row.text).words) {
      uses.set(word.text, (uses.get(word.text) ?? 0) + 1)
      if (agreed.some((span) => span.start < word.end && span.end > word.start)) marked.set(word.text, (marked.get(word.text) ?? 0) + 1)
    }
  }
  const rates = new Map<string, number>()
  for (const [word, count] of uses) {
    const hits = marked.get(word) ?? 0
    // Two imaginary unmarked uses pull rarely seen words towards 0.
    if (count >= MIN_USES && hits >= MIN_MARKED) rates.set(word, hits / (count + 2))
  }
  return rates
}
