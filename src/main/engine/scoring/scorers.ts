// The scorers Sieve knows, by name. A new scorer is one module plus one line here.
import { UserError } from '../errors'
import { createLexiconScorer } from './local/lexicon-scorer'
import { createOpenAiScorer } from './openai/openai-scorer'
import { createPerspectiveScorer } from './perspective/perspective-scorer'
import type { Scorer, ScorerContext } from './scorer'

/** The scorer whose scores order the queues. */
export const PRIMARY_SCORER = 'local'

const factories: Record<string, (context: ScorerContext) => Scorer> = {
  local: createLexiconScorer,
  perspective: createPerspectiveScorer,
  openai: createOpenAiScorer
}

export function scorerNames(): string[] {
  return Object.keys(factories)
}

export function createScorer(name: string, context: ScorerContext): Scorer {
  const factory = factories[name]
  if (!factory) throw new UserError(`There is no scorer called "${name}" (known: ${scorerNames().join(', ')}).`)
  return factory(context)
}
