// The scorers Sieve knows, by name. A new scorer is one module plus one line here.
import { UserError } from '../errors'
import { createModelScorer } from './local/model/model-scorer'
import { localModelPath } from './local/model/model-location'
import { createOpenAiScorer } from './openai/openai-scorer'
import { createPerspectiveScorer } from './perspective/perspective-scorer'
import type { Scorer, ScorerContext } from './scorer'

/** The scorer whose scores order the queues. */
export const PRIMARY_SCORER = 'local'

/** A Map, so a name such as "constructor" or "toString" is no scorer. */
const factories = new Map<string, (context: ScorerContext) => Scorer>([
  ['local', (context) => createModelScorer(localModelPath(context))],
  ['perspective', createPerspectiveScorer],
  ['openai', createOpenAiScorer]
])

export function scorerNames(): string[] {
  return [...factories.keys()]
}

export function createScorer(name: string, context: ScorerContext): Scorer {
  const factory = factories.get(name)
  if (!factory) throw new UserError(`There is no scorer called "${name}" (known: ${scorerNames().join(', ')}).`)
  return factory(context)
}
