// The offline scorer: looks the comment's words and phrases up in the lexicon. Pure string work, so it
// scores tens of thousands of comments a second and needs nothing installed or online.
import { ATTRIBUTES, type Attribute, type Scores, type Span } from '../../../../shared/model'
import type { ScoreResult, Scorer } from '../scorer'
import { AIMERS, NEGATORS_AFTER, NEGATORS_BEFORE, PATTERNS, TERM_GROUPS, type Pattern, type Weights } from './lexicon'
import { normalize, squeeze, type Token } from './normalize'

interface Term {
  word: string
  stem: boolean
  counts: number[]
  weights: Weights
  aimed: boolean
}

/** How much of each attribute carries over into TOXICITY. */
const TOXIC_SHARE: Partial<Record<Attribute, number>> = {
  INSULT: 0.9,
  PROFANITY: 0.9,
  THREAT: 0.9,
  IDENTITY_ATTACK: 0.9,
  SEVERE_TOXICITY: 0.9,
  SEXUALLY_EXPLICIT: 0.5
}
/** How many words back "you", "tu"… aim an insult. */
const AIM_REACH = 3
/** How much SPAM the rest of a comment needs before its links and numbers count as selling. */
const SELLING = 0.3

// The lexicon is indexed once, at load: words by their squeezed form, stems also by prefix (and by their
// first three letters, so most words skip the stem look-ups altogether).
const whole = new Map<string, Term[]>()
const stems = new Map<string, Term[]>()
const stemLengths = new Set<number>()
const stemStarts = new Set<string>()
const NONE: Term[] = []
const terms: Term[] = []
for (const group of TERM_GROUPS) {
  for (const entry of group.terms.split(' ')) {
    const stem = entry.endsWith('*')
    const word = stem ? entry.slice(0, -1) : entry
    const { key, counts } = squeeze(word)
    const term = { word, stem, counts, weights: group.weights, aimed: group.aimed }
    terms.push(term)
    whole.set(key, [...(whole.get(key) ?? []), term])
    if (stem) {
      stems.set(key, [...(stems.get(key) ?? []), term])
      stemLengths.add(key.length)
      stemStarts.add(key.slice(0, 3))
    }
  }
}

/** The lexicon words a comment word stands for, allowing stretched letters ("idiooot") and masks ("f*ck"). */
function lookUp(token: Token): Term[] {
  if (token.text.includes('*')) {
    const term = token.letters < 2 ? undefined : terms.find((candidate) => fitsMask(token.text, candidate))
    return term ? [term] : NONE
  }
  const { key, counts } = squeeze(token.text)
  // A whole word may stretch any letter; a longer word only matches a stem when its letters repeat as in the
  // stem or clearly on purpose (three or more), so "poorness" is not "porn…".
  let found = whole.get(key) ?? NONE
  if (found.length > 0) found = found.filter((term) => term.counts.every((count, i) => counts[i] >= count))
  if (!stemStarts.has(key.slice(0, 3))) return found
  for (const length of stemLengths) {
    if (length >= key.length) continue
    for (const term of stems.get(key.slice(0, length)) ?? NONE) {
      if (term.counts.every((count, i) => counts[i] === count || counts[i] >= count + 2)) found = [...found, term]
    }
  }
  return found
}

function fitsMask(masked: string, term: Term): boolean {
  if (term.stem ? masked.length < term.word.length : masked.length !== term.word.length) return false
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i]
    if (i < term.word.length ? ch !== '*' && ch !== term.word[i] : ch === '*') return false
  }
  return true
}

// Each weight set strongest first, so where spans coincide the main attribute leads (the UI shows the first).
const rankings = new Map<Weights, [Attribute, number][]>()
function ranked(weights: Weights): [Attribute, number][] {
  let ranking = rankings.get(weights)
  if (!ranking) {
    ranking = (Object.entries(weights) as [Attribute, number][]).sort((a, b) => b[1] - a[1])
    rankings.set(weights, ranking)
  }
  return ranking
}

/** Saturating combination, 1 - Π(1 - w): each hit closes part of the remaining distance to 1. */
function combine(weights: Iterable<number>): number {
  let rest = 1
  for (const weight of weights) rest *= 1 - weight
  return 1 - rest
}

function scoreText(text: string): ScoreResult {
  const { lower, plain, words, spelled } = normalize(text)
  // Strongest weight per attribute and signal: saying the same word twice is not twice as toxic.
  const hits = new Map<Attribute, Map<string, number>>()
  const spans: Span[] = []
  const hit = (weights: Weights, signal: string, start: number, end: number, scale = 1): void => {
    for (const [attribute, weight] of ranked(weights)) {
      const signals = hits.get(attribute) ?? new Map<string, number>()
      signals.set(signal, Math.max(signals.get(signal) ?? 0, weight * scale))
      hits.set(attribute, signals)
      spans.push({ start, end, attribute, signal })
    }
  }

  // Mild insults count in full only when aimed at people, and hardly at all when negated.
  const near = (token: Token, from: number, to: number, set: Set<string>): boolean => {
    for (let i = Math.max(0, token.index + from); i <= Math.min(words.length - 1, token.index + to); i++) {
      if (set.has(words[i].text)) return true
    }
    return false
  }
  for (const token of [...words, ...spelled]) {
    for (const term of lookUp(token)) {
      let scale = 1
      if (term.aimed) {
        if (!near(token, -AIM_REACH, -1, AIMERS)) scale = 0.5
        if (near(token, -2, -1, NEGATORS_BEFORE) || near(token, 1, 2, NEGATORS_AFTER)) scale = 0.2
      }
      hit(term.weights, term.word, token.start, token.end, scale)
    }
  }

  const contacts: { pattern: Pattern; start: number; end: number }[] = []
  for (const pattern of PATTERNS) {
    const subject = pattern.raw ? lower : plain
    pattern.re.lastIndex = 0
    for (let match = pattern.re.exec(subject); match; match = pattern.re.exec(subject)) {
      const end = match.index + match[0].length
      if (pattern.commercial) contacts.push({ pattern, start: match.index, end })
      else hit(pattern.weights, pattern.name, match.index, end)
    }
  }
  // Contact details decide last: they are spam next to sales words and personal data otherwise.
  const selling = combine(hits.get('SPAM')?.values() ?? []) >= SELLING
  for (const { pattern, start, end } of contacts) {
    const reading = selling && pattern.commercial ? pattern.commercial : pattern
    hit(reading.weights, reading.name, start, end)
  }

  const scores = {} as Record<Attribute, number>
  for (const attribute of ATTRIBUTES) scores[attribute] = combine(hits.get(attribute)?.values() ?? [])
  // Insult and profanity stacked ("you fucking idiot", two words at least) reads as severe without a slur or threat.
  const abuse = new Set([...(hits.get('INSULT')?.keys() ?? []), ...(hits.get('PROFANITY')?.keys() ?? [])])
  if (scores.INSULT >= 0.5 && scores.PROFANITY >= 0.5 && abuse.size >= 2) {
    scores.SEVERE_TOXICITY = combine([scores.SEVERE_TOXICITY, 0.75 * Math.min(scores.INSULT, scores.PROFANITY)])
  }
  const shares = ATTRIBUTES.map((attribute) => (TOXIC_SHARE[attribute] ?? 0) * scores[attribute])
  scores.TOXICITY = combine([scores.TOXICITY, ...shares])
  const rounded: Scores = {}
  for (const attribute of ATTRIBUTES) rounded[attribute] = Math.round(scores[attribute] * 1000) / 1000
  // Longest first where spans start together, so the highlight shows the whole phrase.
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  return { scores: rounded, spans }
}

export function createLexiconScorer(): Scorer {
  return {
    name: 'local',
    label: 'Local (offline)',
    modelVersion: 'lexicon-2',
    attributes: ATTRIBUTES,
    languages: ['en', 'hi-Latn'],
    batchSize: 500,
    remote: false,
    score: async (texts) => texts.map(scoreText)
  }
}
