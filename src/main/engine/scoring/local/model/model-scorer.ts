// The trained local scorer. The model scores the toxicity attributes, with the lexicon's verdicts as part of
// its input; the lexicon's own matches still count where they are surer than the model (its phrase patterns
// for threats and slurs are precise, the data has few of either); the lexicon alone scores SPAM and
// SEXUALLY_EXPLICIT and the personal-data and accusation patterns (the labelled data has none of these);
// SEVERE_TOXICITY is derived. Spans are the lexicon's matches plus the words the model leaned on.
import { ATTRIBUTES, type Attribute, type Scores, type Span } from '../../../../../shared/model'
import type { ScoreResult, Scorer } from '../../scorer'
import { scoreLexicon } from '../lexicon-scorer'
import { normalize } from '../normalize'
import { evidenceOf, LEXICON_VERSION } from './evidence'
import { extractFeatures, FeatureBuffer } from './features'
import type { LinearModel } from './linear-model'
import { loadCompiled } from './model-file'
import { GramSums, probabilitiesWithGramSums } from './predict'
import { compile, type CompiledModel } from './quantize'
import { modelSpans } from './spans'
import { createScoringPool } from '../pool/scoring-pool'

/** Attributes scoring at least this get the model's words highlighted. */
const SPAN_FROM = 0.5

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000
}

/**
 * Severe: toxic and a threat or an identity attack, or insult and profanity stacked; or what the lexicon
 * already calls severe (slurs, death threats). The data has no label for it, so it is derived, not learned.
 */
function severity(scores: Record<Attribute, number>, lexicon: Scores): number {
  const worst = Math.max(scores.THREAT, scores.IDENTITY_ATTACK, scores.INSULT * scores.PROFANITY)
  return Math.max(lexicon.SEVERE_TOXICITY ?? 0, scores.TOXICITY * worst)
}

/**
 * The lexicon's TOXICITY from patterns aimed at TOXICITY itself (published personal data, accusations of
 * crime or corruption, calls to go after someone): Terms-of-Use matters the toxicity data never labels.
 */
function policyEvidence(lexicon: ScoreResult): number {
  return lexicon.spans.some((span) => span.attribute === 'TOXICITY') ? (lexicon.scores.TOXICITY ?? 0) : 0
}

export interface ModelScorerOptions {
  /**
   * Add the lexicon's personal-data and accusation patterns to TOXICITY (default true). They are what a
   * newsroom removes that toxicity data never labels; on the wiki benchmark they cost about 0.004 AUC.
   */
  policyEvidence?: boolean
}

/** The local scorer for a model in memory (just trained, or fine-tuned and not yet saved). */
export function scorerFromModel(model: LinearModel, options: ModelScorerOptions = {}): Scorer {
  return scorerFromCompiled(compile(model), options)
}

function scorerFromCompiled(model: CompiledModel, options: ModelScorerOptions): Scorer {
  const policy = options.policyEvidence ?? true
  const buffer = new FeatureBuffer()
  const evidence = new Float32Array(ATTRIBUTES.length)
  const probabilities = new Float64Array(model.attributes.length)
  const gramSums = new GramSums(model)

  // One normalisation serves both halves: the lexicon's look-ups and the model's features.
  const scoreOne = (text: string): ScoreResult => {
    const normalized = normalize(text)
    const lexicon = scoreLexicon(text, normalized)
    let features = extractFeatures(text, model, evidenceOf(lexicon, evidence), buffer, normalized, gramSums)
    probabilitiesWithGramSums(model, features, gramSums, probabilities)
    const scores = {} as Record<Attribute, number>
    for (const attribute of ATTRIBUTES) scores[attribute] = lexicon.scores[attribute] ?? 0
    for (let a = 0; a < model.attributes.length; a++) {
      const attribute = model.attributes[a]
      scores[attribute] = attribute === 'TOXICITY' ? probabilities[a] : Math.max(probabilities[a], scores[attribute])
    }
    if (policy) scores.TOXICITY = 1 - (1 - scores.TOXICITY) * (1 - policyEvidence(lexicon))
    scores.SEVERE_TOXICITY = severity(scores, lexicon.scores)

    const spans: Span[] = lexicon.spans
    const rounded: Scores = {}
    for (const attribute of ATTRIBUTES) rounded[attribute] = round(scores[attribute])
    // Most comments score under SPAN_FROM everywhere: their spans are the lexicon's, already in order.
    if (!model.attributes.some((attribute) => scores[attribute] >= SPAN_FROM)) return { scores: rounded, spans }
    // Tracing a score back to words needs every feature listed.
    features = extractFeatures(text, model, evidence, buffer, normalized)
    const byScore = model.attributes
      .map((attribute, a) => ({ attribute, a }))
      .filter(({ attribute }) => scores[attribute] >= SPAN_FROM)
      .sort((x, y) => scores[y.attribute] - scores[x.attribute])
    for (const { attribute, a } of byScore) {
      for (const span of modelSpans(model, features, text, a, attribute)) {
        // The lexicon's span says more (the phrase it matched); the model adds the words it did not know.
        const known = spans.some((other) => other.attribute === attribute && other.start < span.end && other.end > span.start)
        if (!known) spans.push(span)
      }
    }
    // Longest first where spans start together, so the highlight shows the whole phrase.
    spans.sort((x, y) => x.start - y.start || y.end - x.end)
    return { scores: rounded, spans }
  }

  return {
    name: 'local',
    label: 'Local (offline)',
    languages: ['en', 'hi-Latn'],
    remote: false,
    // Both halves decide the scores: a new model or a new lexicon is a new version.
    modelVersion: `${model.version || 'unsaved'}+${LEXICON_VERSION}${policy ? '' : '-no-policy'}`,
    attributes: ATTRIBUTES,
    batchSize: 500,
    score: async (texts) => texts.map(scoreOne)
  }
}

/**
 * The local scorer backed by the model file at `modelPath` (read once, here, in milliseconds); its
 * `parallel()` scores on one worker thread per core, each with its own copy of the model.
 */
export function createModelScorer(modelPath: string, options: ModelScorerOptions = {}): Scorer {
  const scorer = scorerFromCompiled(loadCompiled(modelPath), options)
  if (options.policyEvidence === false) return scorer
  return { ...scorer, parallel: () => createScoringPool(scorer, modelPath) }
}
