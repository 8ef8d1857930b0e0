// Which Terms-of-Use clause a removal would most likely cite: a softmax regression over the comment's
// attribute scores, a rule reading of them, and its words (hashed), learned from this newsroom's own
// removals. Before it has learned anything the rule reading decides alone.
import { ATTRIBUTES, type Attribute, type Scores } from '../../../../shared/model'
import { finish, mixRange, seed } from '../local/model/hashing'
import { seededRandom, shuffle } from '../local/model/random'
import { normalize } from '../local/normalize'

/** A comment as the suggester reads it: its text and its scores. */
export interface ScoredText {
  text: string
  scores: Scores
}

/** A removal a moderator made: the comment and the clause they cited. */
export interface Removal extends ScoredText {
  clause: string
}

export interface ClauseSuggestion {
  clause: string
  /** The model's probability for it, 0..1. */
  confidence: number
  /** Every clause, most likely first. */
  ranking: { clause: string; probability: number }[]
}

/** The attribute that reads as each clause when it is the comment's strongest (the rule reading). */
const RULES: [Attribute, string][] = [
  ['THREAT', 'threat'],
  ['IDENTITY_ATTACK', 'hate'],
  ['SEXUALLY_EXPLICIT', 'sexual'],
  ['SPAM', 'spam'],
  ['INSULT', 'abusive'],
  ['PROFANITY', 'abusive'],
  ['SEVERE_TOXICITY', 'abusive'],
  ['TOXICITY', 'abusive']
]
/** Scores above this count as a reading at all; a THREAT this high outranks a higher INSULT. */
const DECISIVE = 0.5

/**
 * The clause the scores alone point to, among `clauses`: the most specific attribute that reached 0.5
 * (threat, hate, sexual, spam before plain abuse), else the strongest attribute's clause.
 */
export function ruleClause(scores: Scores, clauses: readonly string[]): string {
  const known = RULES.filter(([, clause]) => clauses.includes(clause))
  const decisive = known.find(([attribute]) => (scores[attribute] ?? 0) >= DECISIVE)
  if (decisive) return decisive[1]
  let best = known[known.length - 1]?.[1] ?? clauses[0]
  let strongest = -1
  for (const [attribute, clause] of known) {
    if ((scores[attribute] ?? 0) > strongest) {
      strongest = scores[attribute] ?? 0
      best = clause
    }
  }
  return best
}

export interface ClauseModel {
  clauses: string[]
  hashBits: number
  /** Feature-major: `weights[feature * clauses.length + c]`. */
  weights: Float32Array
  bias: Float32Array
  /** How many removals it learned from. */
  removals: number
}

const WORD = seed('clause-word')
const HASH_BITS = 14
/** Dense features first: the attribute scores, then one per clause for the rule reading. */
const DENSE = ATTRIBUTES.length

function featuresOf(comment: ScoredText, clauses: readonly string[], hashBits: number): { index: Int32Array; value: Float32Array } {
  const words = [...new Set(normalize(comment.text).words.map((word) => word.text))]
  const dense = DENSE + clauses.length
  const index = new Int32Array(dense + words.length)
  const value = new Float32Array(dense + words.length)
  ATTRIBUTES.forEach((attribute, i) => {
    index[i] = i
    value[i] = comment.scores[attribute] ?? 0
  })
  const rule = clauses.indexOf(ruleClause(comment.scores, clauses))
  for (let c = 0; c < clauses.length; c++) {
    index[DENSE + c] = DENSE + c
    value[DENSE + c] = c === rule ? 1 : 0
  }
  const mask = (1 << hashBits) - 1
  const scale = words.length ? 1 / Math.sqrt(words.length) : 0
  words.forEach((word, i) => {
    index[dense + i] = dense + (finish(mixRange(WORD, word, 0, word.length)) & mask)
    value[dense + i] = scale
  })
  return { index, value }
}

function softmax(logits: Float64Array): Float64Array {
  const top = Math.max(...logits)
  let sum = 0
  for (let c = 0; c < logits.length; c++) sum += logits[c] = Math.exp(logits[c] - top)
  for (let c = 0; c < logits.length; c++) logits[c] /= sum
  return logits
}

function probabilities(model: ClauseModel, comment: ScoredText): Float64Array {
  const { index, value } = featuresOf(comment, model.clauses, model.hashBits)
  const stride = model.clauses.length
  const logits = Float64Array.from(model.bias)
  for (let i = 0; i < index.length; i++) {
    const base = index[i] * stride
    for (let c = 0; c < stride; c++) logits[c] += value[i] * model.weights[base + c]
  }
  return softmax(logits)
}

/**
 * A model that starts out trusting the rule reading (its weight alone makes the rule clause the first
 * choice) and learns from `removals` how this newsroom cites: SGD on the cross-entropy, L2 towards that start.
 */
export function trainClauseModel(removals: readonly Removal[], clauses: readonly string[], options: { epochs?: number; seed?: number } = {}): ClauseModel {
  const stride = clauses.length
  const features = DENSE + stride + (1 << HASH_BITS)
  const model: ClauseModel = {
    clauses: [...clauses],
    hashBits: HASH_BITS,
    weights: new Float32Array(features * stride),
    bias: new Float32Array(stride),
    removals: removals.length
  }
  const RULE_TRUST = 4
  for (let c = 0; c < stride; c++) model.weights[(DENSE + c) * stride + c] = RULE_TRUST
  const prior = Float32Array.from(model.weights)
  const examples = removals
    .filter((removal) => clauses.includes(removal.clause))
    .map((removal) => ({ ...featuresOf(removal, clauses, HASH_BITS), target: clauses.indexOf(removal.clause) }))
  const random = seededRandom(options.seed ?? 1)
  const order = examples.map((_, i) => i)
  const rate = 0.3
  const l2 = 1e-3
  const epochs = options.epochs ?? 8
  const logits = new Float64Array(stride)
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random)
    const step = rate / (1 + epoch)
    for (const e of order) {
      const { index, value, target } = examples[e]
      logits.set(model.bias)
      for (let i = 0; i < index.length; i++) {
        const base = index[i] * stride
        for (let c = 0; c < stride; c++) logits[c] += value[i] * model.weights[base + c]
      }
      const p = softmax(logits)
      for (let c = 0; c < stride; c++) {
        const gradient = p[c] - (c === target ? 1 : 0)
        model.bias[c] -= step * gradient * 0.1
        for (let i = 0; i < index.length; i++) {
          const w = index[i] * stride + c
          model.weights[w] -= step * (gradient * value[i] + l2 * (model.weights[w] - prior[w]))
        }
      }
    }
  }
  return model
}

/** The clause a removal of `comment` would most likely cite: the model's, or the rule reading without one. */
export function suggestClause(model: ClauseModel | null, comment: ScoredText, clauses: readonly string[]): ClauseSuggestion {
  if (!model || model.clauses.join('\u0000') !== clauses.join('\u0000')) {
    const clause = ruleClause(comment.scores, clauses)
    return { clause, confidence: Number.NaN, ranking: [clause, ...clauses.filter((other) => other !== clause)].map((c) => ({ clause: c, probability: c === clause ? 1 : 0 })) }
  }
  const p = probabilities(model, comment)
  const ranking = model.clauses.map((clause, c) => ({ clause, probability: p[c] })).sort((a, b) => b.probability - a.probability)
  return { clause: ranking[0].clause, confidence: ranking[0].probability, ranking }
}

/** Top-1 accuracy of suggestions against the clauses moderators cited. */
export function clauseAccuracy(model: ClauseModel | null, removals: readonly Removal[], clauses: readonly string[]): number {
  if (removals.length === 0) return Number.NaN
  let right = 0
  for (const removal of removals) if (suggestClause(model, removal, clauses).clause === removal.clause) right++
  return right / removals.length
}
