// Turns a comment into hashed features: word unigrams and bigrams plus character 2-5-grams within words,
// all over the obfuscation-aware words of normalize.ts (lower-cased, leetspeak undone, offsets kept); the
// toxic-word rates of its two most toxic words; and the lexicon scorer's verdicts. Each word feature
// remembers the word it came from, so a score can be traced back to the words that drove it.
import { normalize, type Normalized, type Token } from '../normalize'
import * as hashing from './hashing'

// Bound here once: through the module object (as CommonJS builds call imports) every call pays a property look-up.
const { finish, mix, mixRange, seed } = hashing

/** Stored in the model file: a model only works with the extraction it was trained on. */
export const FEATURES_VERSION = 'words1-2+chars2-5+shape+word-rates+lexicon/v1'

/** What extraction needs from a model: the size of its feature space and its toxic-word rates. */
export interface FeatureSpace {
  /** 2^hashBits buckets. */
  hashBits: number
  /** Per word (keyed by `wordKey`), the share of its uses raters marked as toxic; see data/word-rates.ts. */
  wordRates: ReadonlyMap<number, number>
}

const MIN_GRAM = 2
const MAX_GRAM = 5
/** Character n-grams come from a word's first letters only: a 400-letter URL is not 2,000 features. */
const MAX_GRAM_WORD = 30
const WORD = seed('w')
const PAIR = seed('b')
const CHARS = seed('c')
const SHAPE = seed('s')
const EVIDENCE = seed('lexicon')
const RATES = seed('word-rates')
/** The word rates are in 0..1; scaled up so their two features can outweigh hundreds of n-grams (tuned on dev folds). */
const RATE_SCALE = 3
const BOW = 0x02 // marks a word's edges inside character n-grams, as '<' and '>' would
const EOW = 0x03
const STRETCH = /(.)\1\1+/g
const NO_READINGS: string[] = []

/** Feature occurrences of one text; owners say which piece (word or spelt-out run) each came from. */
export interface Features {
  length: number
  buckets: Int32Array
  values: Float32Array
  /** `piece * 2`, or `piece * 2 + 1` for a bigram crediting `piece` and the next word; -1: the text as a whole. */
  owners: Int32Array
  /** The words, then the runs of spelt-out letters ("s t u p i d") as extra pieces. */
  pieces: Token[]
}

/** Reused between calls: extraction runs for every comment, so it must not allocate per feature. */
export class FeatureBuffer {
  length = 0
  buckets = new Int32Array(1024)
  values = new Float32Array(1024)
  owners = new Int32Array(1024)

  push(hash: number, owner: number, mask: number, value = 1): void {
    if (this.length === this.buckets.length) this.grow()
    this.buckets[this.length] = finish(hash) & mask
    this.values[this.length] = value
    this.owners[this.length] = owner
    this.length++
  }

  /** Gives the features from `from` on an equal share of unit length (1/√n each), so long texts do not dominate. */
  scale(from: number): void {
    const count = this.length - from
    if (count === 0) return
    const value = 1 / Math.sqrt(count)
    for (let i = from; i < this.length; i++) this.values[i] *= value
  }

  private grow(): void {
    const size = this.buckets.length * 2
    const buckets = new Int32Array(size)
    const values = new Float32Array(size)
    const owners = new Int32Array(size)
    buckets.set(this.buckets)
    values.set(this.values)
    owners.set(this.owners)
    this.buckets = buckets
    this.values = values
    this.owners = owners
  }
}

/** The key of a word in a model's word rates: the full hash its unigram feature is bucketed from. */
export function wordKey(word: string): number {
  return finish(mixRange(WORD, word, 0, word.length))
}

/** Both readings of a stretched word ("stuuupid" is "stupid", "sooo goood" is "so good"); none for most words. */
function stretchedReadings(word: string): string[] {
  if (word.length < 3 || !isStretched(word)) return NO_READINGS
  return [word.replace(STRETCH, '$1'), word.replace(STRETCH, '$1$1')]
}

/** A run of three or more of one letter is stretched on purpose ("stuuupid"). */
function isStretched(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code === word.charCodeAt(i - 1) && code === word.charCodeAt(i - 2)) return true
  }
  return false
}

function addWord(buffer: FeatureBuffer, word: string, owner: number, mask: number): void {
  buffer.push(mixRange(WORD, word, 0, word.length), owner, mask)
  for (const reading of stretchedReadings(word)) buffer.push(mixRange(WORD, reading, 0, reading.length), owner, mask)
}

function addGrams(buffer: FeatureBuffer, word: string, owner: number, mask: number): void {
  const length = Math.min(word.length, MAX_GRAM_WORD)
  // Positions -1 and `length` are the word's edges, so "<id" and "ot>" are features of their own.
  for (let start = -1; start < length; start++) {
    let hash = CHARS
    for (let end = start; end <= length && end - start < MAX_GRAM; end++) {
      hash = mix(hash, end < 0 ? BOW : end === length ? EOW : word.charCodeAt(end))
      if (end - start + 1 >= MIN_GRAM) buffer.push(hash, owner, mask)
    }
  }
}

/** Coarse facts about the whole text: its length, and how much of it is shouted. */
function addShape(buffer: FeatureBuffer, text: string, words: number, mask: number): void {
  const lengthBucket = words === 0 ? 0 : Math.min(8, Math.floor(Math.log2(words)) + 1)
  buffer.push(mix(mix(SHAPE, 0x4c), lengthBucket), -1, mask)
  let upper = 0
  let letters = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 65 && code <= 90) upper++
    else if (code >= 97 && code <= 122) letters++
  }
  letters += upper
  if (letters >= 8) buffer.push(mix(mix(SHAPE, 0x43), Math.round((4 * upper) / letters)), -1, mask)
}

/**
 * The two most toxic words by their rates, each a feature of its own tied to its word: one insult in a long
 * comment counts in full, where the n-grams' share of it shrinks with the comment's length.
 */
/** A word's toxic-word rate: its own, or a stretched reading's, whichever is higher. */
export function wordRate(word: string, rates: ReadonlyMap<number, number>): number {
  let rate = rates.get(wordKey(word)) ?? 0
  for (const reading of stretchedReadings(word)) rate = Math.max(rate, rates.get(wordKey(reading)) ?? 0)
  return rate
}

/** What scoring may know of a word already (predict.ts caches it per word). */
export interface KnownWords {
  rateOf(word: string): number
}

function addWordRates(buffer: FeatureBuffer, pieces: readonly Token[], rates: ReadonlyMap<number, number>, mask: number, known?: KnownWords): void {
  if (rates.size === 0) return
  let best = -1
  let second = -1
  let bestRate = 0
  let secondRate = 0
  for (let i = 0; i < pieces.length; i++) {
    const rate = known ? known.rateOf(pieces[i].text) : wordRate(pieces[i].text, rates)
    if (rate > bestRate) {
      second = best
      secondRate = bestRate
      best = i
      bestRate = rate
    } else if (rate > secondRate) {
      second = i
      secondRate = rate
    }
  }
  if (best >= 0) buffer.push(mix(RATES, 1), best * 2, mask, RATE_SCALE * bestRate)
  if (second >= 0) buffer.push(mix(RATES, 2), second * 2, mask, RATE_SCALE * secondRate)
}

/** How many character n-grams `addGrams` makes of a word. */
export function gramCount(word: string): number {
  const length = Math.min(word.length, MAX_GRAM_WORD)
  let count = 0
  for (let start = -1; start < length; start++) count += Math.min(length, start + MAX_GRAM - 1) - start
  return count
}

/** A word's character n-grams alone (each value 1), for summing their weights once per word (predict.ts). */
export function wordGrams(word: string, hashBits: number, buffer = new FeatureBuffer()): FeatureBuffer {
  buffer.length = 0
  addGrams(buffer, word, 0, (1 << hashBits) - 1)
  return buffer
}

/**
 * Extracts the features of `text` into `buffer` (cleared first) and returns them. `evidence` is the lexicon
 * scorer's score per attribute (ATTRIBUTES order), see evidence.ts. Given `known` (scoring's per-word
 * cache) the character n-grams are left out: they all share one value, 1/√(their count), so scoring adds
 * them up per word from that cache instead (predict.ts); spans and training list them.
 */
export function extractFeatures(
  text: string,
  space: FeatureSpace,
  evidence: ArrayLike<number>,
  buffer = new FeatureBuffer(),
  normalized: Normalized = normalize(text),
  known?: KnownWords
): Features {
  const mask = (1 << space.hashBits) - 1
  const { words, spelled } = normalized
  const pieces = spelled.length > 0 ? [...words, ...spelled] : words
  buffer.length = 0

  for (let i = 0; i < pieces.length; i++) addWord(buffer, pieces[i].text, i * 2, mask)
  for (let i = 1; i < words.length; i++) {
    const hash = mix(mixRange(PAIR, words[i - 1].text, 0, words[i - 1].text.length), 0x20)
    buffer.push(mixRange(hash, words[i].text, 0, words[i].text.length), (i - 1) * 2 + 1, mask)
  }
  buffer.scale(0)
  const chars = buffer.length
  if (!known) for (let i = 0; i < pieces.length; i++) addGrams(buffer, pieces[i].text, i * 2, mask)
  buffer.scale(chars)
  addShape(buffer, text, words.length, mask)
  addWordRates(buffer, pieces, space.wordRates, mask, known)
  // The lexicon's verdicts, one feature per attribute: training learns how far to trust each.
  for (let i = 0; i < evidence.length; i++) if (evidence[i] > 0) buffer.push(mix(EVIDENCE, i), -1, mask, evidence[i])

  return { length: buffer.length, buckets: buffer.buckets, values: buffer.values, owners: buffer.owners, pieces }
}

