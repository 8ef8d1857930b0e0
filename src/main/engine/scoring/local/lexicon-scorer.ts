// The offline scorer: looks the comment's words and phrases up in the lexicon. Pure string work, built so
// that a word the lexicon does not know costs a hash and no allocation, and a phrase pattern runs only
// on comments holding one of its first words (pattern-triggers.ts).
import { ATTRIBUTES, type Attribute, type Scores, type Span } from '../../../../shared/model'
import type { ScoreResult, Scorer } from '../scorer'
import * as lexicon from './lexicon'
import type { Pattern, Weights } from './lexicon'
import * as hashing from './model/hashing'
import { normalize, squeeze, type Normalized, type Token } from './normalize'
import { triggersOf } from './pattern-triggers'

// Bound once: through the module objects (as CommonJS builds call imports) every use pays a property look-up.
const { AIMERS, NEGATORS_AFTER, NEGATORS_BEFORE, PATTERNS, TERM_GROUPS } = lexicon
const { finish, mix, seed } = hashing

/** Stored with every score and in every model trained on the lexicon's verdicts. */
export const LEXICON_SCORER_VERSION = 'lexicon-3'

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
// The same keys as hashes of their letters (repeats squeezed), so a word is looked up without building
// its squeezed form: only a word whose hash is known goes on to the exact look-up below.
const KEY = seed('lexicon-key')
const wholeHashes = new Set<number>()
const stemHashes = new Set<number>()
const stemStartHashes = new Set<number>()
const keyHash = (key: string, length = key.length): number => {
  let hash = KEY
  for (let i = 0; i < length; i++) hash = mix(hash, key.charCodeAt(i))
  return finish(hash)
}
for (const group of TERM_GROUPS) {
  for (const entry of group.terms.split(' ')) {
    const stem = entry.endsWith('*')
    const word = stem ? entry.slice(0, -1) : entry
    const { key, counts } = squeeze(word)
    const term = { word, stem, counts, weights: group.weights, aimed: group.aimed }
    terms.push(term)
    whole.set(key, [...(whole.get(key) ?? []), term])
    wholeHashes.add(keyHash(key))
    if (stem) {
      stems.set(key, [...(stems.get(key) ?? []), term])
      stemLengths.add(key.length)
      stemStarts.add(key.slice(0, 3))
      stemHashes.add(keyHash(key))
      stemStartHashes.add(keyHash(key, Math.min(3, key.length)))
    }
  }
}
const STEM_LENGTH = new Uint8Array(Math.max(0, ...stemLengths) + 1)
for (const length of stemLengths) STEM_LENGTH[length] = 1

/** Whether a word may be in the lexicon (as a whole word or after a stem): no false "no", rare false "maybe". */
function mayBeKnown(text: string): boolean {
  let hash = KEY
  let letters = 0
  let previous = -1
  let stemmable = true
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === previous) continue
    previous = code
    hash = mix(hash, code)
    letters++
    if (letters === 3) stemmable = stemStartHashes.has(finish(hash))
    if (stemmable && letters < STEM_LENGTH.length && STEM_LENGTH[letters] === 1 && stemHashes.has(finish(hash))) return true
  }
  if (letters < 3 && stemStartHashes.has(finish(hash))) return true
  return wholeHashes.has(finish(hash))
}

/** The lexicon words a comment word stands for, allowing stretched letters ("idiooot") and masks ("f*ck"). */
function lookUp(token: Token): Term[] {
  if (token.mixed && token.text.includes('*')) {
    const term = token.letters < 2 ? undefined : terms.find((candidate) => fitsMask(token.text, candidate))
    return term ? [term] : NONE
  }
  if (!(token.mixed ? mayBeKnown(token.text) : factsOf(token.text).known)) return NONE
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

// Each pattern's triggers, indexed by their first two letters (one-letter prefixes by their letter).
interface Trigger {
  prefix: string
  pattern: number
  raw: boolean
}
const ALWAYS: number[] = []
const FRAGMENTS: { fragment: string; pattern: number }[] = []
const byPair: Trigger[][] = Array.from({ length: 26 * 26 }, () => [])
const byLetter: Trigger[][] = Array.from({ length: 26 }, () => [])
PATTERNS.forEach((pattern, index) => {
  const triggers = pattern.needs ? { prefixes: pattern.needs, fragments: [] } : triggersOf(pattern.re.source)
  if (!triggers) {
    ALWAYS.push(index)
    return
  }
  for (const fragment of triggers.fragments) FRAGMENTS.push({ fragment, pattern: index })
  for (const prefix of triggers.prefixes) {
    const first = prefix.charCodeAt(0) - 97
    const trigger = { prefix, pattern: index, raw: pattern.raw }
    if (prefix.length === 1) byLetter[first].push(trigger)
    else byPair[first * 26 + prefix.charCodeAt(1) - 97].push(trigger)
  }
})
const wanted = new Uint8Array(PATTERNS.length)
const scratch = new Uint8Array(PATTERNS.length)

const PLAIN = 0
const RAW = 1
const BOTH = 2

/**
 * Marks the patterns with a trigger at `at`, where a regex `\b` may stand before a letter: those matched
 * against `subject` as it is (RAW), with leetspeak undone (PLAIN), or BOTH where the two texts agree.
 */
function markTriggersAt(subject: string, at: number, which: number, marks = wanted): void {
  const first = subject.charCodeAt(at) - 97
  if (!(first >= 0 && first < 26)) return
  for (const trigger of byLetter[first]) if (which === BOTH || trigger.raw === (which === RAW)) marks[trigger.pattern] = 1
  const second = subject.charCodeAt(at + 1) - 97
  if (!(second >= 0 && second < 26)) return
  const triggers = byPair[first * 26 + second]
  for (let i = 0; i < triggers.length; i++) {
    const trigger = triggers[i]
    if (marks[trigger.pattern] === 0 && (which === BOTH || trigger.raw === (which === RAW)) && subject.startsWith(trigger.prefix, at)) {
      marks[trigger.pattern] = 1
    }
  }
}

/** What the lexicon makes of a plain word (a-z only), cached: words repeat from comment to comment. */
interface WordFacts {
  known: boolean
  /** The patterns this word triggers at its start. */
  triggers: number[]
}
const WORD_CACHE = 100_000
const wordFacts = new Map<string, WordFacts>()

function factsOf(word: string): WordFacts {
  let facts = wordFacts.get(word)
  if (facts) return facts
  // markTriggersAt reads the word alone as it would the comment: a prefix never reads past a word's end.
  scratch.fill(0)
  markTriggersAt(word, 0, BOTH, scratch)
  const triggers: number[] = []
  for (let i = 0; i < scratch.length; i++) if (scratch[i] === 1) triggers.push(i)
  facts = { known: mayBeKnown(word), triggers }
  if (wordFacts.size >= WORD_CACHE) wordFacts.clear()
  wordFacts.set(word, facts)
  return facts
}

const isWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95

/** Which patterns can match this comment: those with a trigger at the start of a word, or inside a disguised one. */
function markPatterns({ lower, plain, words }: Normalized): void {
  wanted.fill(0)
  for (const index of ALWAYS) {
    const gate = PATTERNS[index].gate
    if (!gate || gate.test(PATTERNS[index].raw ? lower : plain)) wanted[index] = 1
  }
  for (const { fragment, pattern } of FRAGMENTS) {
    if (wanted[pattern] === 0 && (PATTERNS[pattern].raw ? lower : plain).includes(fragment)) wanted[pattern] = 1
  }
  for (const word of words) {
    // Only a disguised word reads differently with leetspeak undone.
    if (!word.mixed) {
      for (const pattern of factsOf(word.text).triggers) wanted[pattern] = 1
      continue
    }
    markTriggersAt(plain, word.start, PLAIN)
    markTriggersAt(lower, word.start, RAW)
    for (let at = word.start + 1; at < word.end; at++) {
      if (!isWordCode(plain.charCodeAt(at - 1))) markTriggersAt(plain, at, PLAIN)
      if (!isWordCode(lower.charCodeAt(at - 1))) markTriggersAt(lower, at, RAW)
    }
  }
}

/** Which phrase patterns scoring runs on `text`, in PATTERNS order (gating must never skip one that matches). */
export function patternsToRun(text: string): boolean[] {
  markPatterns(normalize(text))
  return Array.from(wanted, (mark) => mark === 1)
}

/** Scores one comment; pass `normalized` when the caller has it already (the model scorer does). */
export function scoreLexicon(text: string, normalized: Normalized = normalize(text)): ScoreResult {
  const { lower, plain, words, spelled } = normalized
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
  const lookAt = (token: Token): void => {
    for (const term of lookUp(token)) {
      let scale = 1
      if (term.aimed) {
        if (!near(token, -AIM_REACH, -1, AIMERS)) scale = 0.5
        if (near(token, -2, -1, NEGATORS_BEFORE) || near(token, 1, 2, NEGATORS_AFTER)) scale = 0.2
      }
      hit(term.weights, term.word, token.start, token.end, scale)
    }
  }
  for (const token of words) lookAt(token)
  for (const token of spelled) lookAt(token)

  const contacts: { pattern: Pattern; start: number; end: number }[] = []
  markPatterns(normalized)
  for (let index = 0; index < PATTERNS.length; index++) {
    if (wanted[index] === 0) continue
    const pattern = PATTERNS[index]
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
    modelVersion: LEXICON_SCORER_VERSION,
    attributes: ATTRIBUTES,
    languages: ['en', 'hi-Latn'],
    batchSize: 500,
    remote: false,
    score: async (texts) => texts.map((text) => scoreLexicon(text))
  }
}
