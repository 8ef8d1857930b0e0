// Which words drove a model score: the pieces whose features added most to the attribute's logit.
import type { Attribute, Span } from '../../../../../shared/model'
import type { Features } from './features'
import type { CompiledModel } from './quantize'
import { contributions } from './predict'

/** At most this many words per attribute: a highlight is for pointing, not for reading the comment twice. */
const MAX_WORDS = 3
/** A word must add at least this much to the logit to be worth pointing at… */
const MIN_PUSH = 0.4
/** …and at least this share of the strongest word's push. */
const MIN_SHARE = 0.35

export function modelSpans(model: CompiledModel, features: Features, text: string, a: number, attribute: Attribute): Span[] {
  const pushes = contributions(model, features, a)
  let strongest = 0
  for (const push of pushes) strongest = Math.max(strongest, push)
  if (strongest < MIN_PUSH) return []
  const floor = Math.max(MIN_PUSH, MIN_SHARE * strongest)
  const chosen: number[] = []
  pushes.forEach((push, piece) => {
    if (push >= floor) chosen.push(piece)
  })
  chosen.sort((x, y) => pushes[y] - pushes[x])
  return chosen.slice(0, MAX_WORDS).map((piece) => {
    const { start, end } = features.pieces[piece]
    return { start, end, attribute, signal: `model: ${text.slice(start, end)}` }
  })
}
