// Which words a phrase pattern cannot match without: most of the lexicon's fifty-odd patterns (threats,
// hate, spam) start with one of a few words ("kill", "maar", "whatsapp"), and most comments contain none
// of them. Reading those first words out of each pattern's own source, once, lets the scorer run a pattern
// only on comments that have one — one pass over the comment's words instead of fifty regex scans.

export interface Triggers {
  /** A word of the comment must start with one of these (lower-case letters): a word every match holds. */
  prefixes: string[]
  /** …or the text must contain one of these (the Devanagari phrases, which have no `\b` before them). */
  fragments: string[]
}

/**
 * What every match of `source` needs: e.g. `\b(?:kill|shoot)s?\s+you` → prefixes ["kill", "shoot"];
 * `जान से मार` → fragments ["जान"]. Null when some branch starts otherwise (a digit, a class, `\w`), so
 * the pattern must always run.
 */
export function triggersOf(source: string): Triggers | null {
  const prefixes = new Set<string>()
  const fragments = new Set<string>()
  for (const branch of splitTopLevel(source)) {
    const at = skipLookbehinds(branch, 0)
    // eslint-disable-next-line no-control-regex -- the class is "anything but ASCII", not a control character
    const fragment = /^[^\x00-\x7f]+/.exec(branch.slice(at))
    if (fragment) {
      // A quantifier after the run makes its last letter optional.
      const optional = isOptional(branch[at + fragment[0].length])
      const needed = optional ? fragment[0].slice(0, -1) : fragment[0]
      if (needed === '') return null
      fragments.add(needed)
      continue
    }
    if (!branch.startsWith('\\b', at)) return null
    const words = requiredWords(branch, at + 2)
    if (words.length === 0) return null
    for (const prefix of mostTelling(words)) prefixes.add(prefix)
  }
  return { prefixes: [...prefixes], fragments: [...fragments] }
}

/** Splits a regex source at its top-level `|` (not inside a group or a character class, not escaped). */
export function splitTopLevel(source: string): string[] {
  const parts: string[] = []
  let depth = 0
  let inClass = false
  let from = 0
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') i++
    else if (inClass) inClass = ch !== ']'
    else if (ch === '[') inClass = true
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === '|' && depth === 0) {
      parts.push(source.slice(from, i))
      from = i + 1
    }
  }
  parts.push(source.slice(from))
  return parts
}

/** Lookbehinds consume nothing: the match still starts after them. */
function skipLookbehinds(source: string, at: number): number {
  while (source.startsWith('(?<!', at) || source.startsWith('(?<=', at)) at = closingParen(source, at) + 1
  return at
}

function closingParen(source: string, open: number): number {
  let depth = 0
  let inClass = false
  for (let i = open; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') i++
    else if (inClass) inClass = ch !== ']'
    else if (ch === '[') inClass = true
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return i
  }
  throw new Error(`Unbalanced group in ${source}`)
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z'
const isOptional = (ch: string | undefined): boolean => ch === '?' || ch === '*' || ch === '{'

interface Run {
  /** Every way the letters at the start can read. */
  prefixes: string[]
  /** Where reading stopped. */
  end: number
  /** Whether everything up to `end` was required letters: what follows may be read on. */
  whole: boolean
}

/** The literal letters every match of the regex sequence at `at` begins with, one per way through its groups. */
function run(source: string, at: number, end = source.length): Run {
  let prefixes = ['']
  while (at < end) {
    const ch = source[at]
    if (isLetter(ch)) {
      const next = source[at + 1]
      if (isOptional(next)) return { prefixes, end: at, whole: false }
      prefixes = prefixes.map((prefix) => prefix + ch)
      if (next === '+') return { prefixes, end: at, whole: false }
      at++
      continue
    }
    if (source.startsWith('(?:', at)) {
      const close = closingParen(source, at)
      if (isOptional(source[close + 1])) return { prefixes, end: at, whole: false }
      const alternatives = splitTopLevel(source.slice(at + 3, close)).map((alternative) => run(alternative, 0))
      const options = alternatives.flatMap((alternative) => alternative.prefixes)
      prefixes = prefixes.flatMap((prefix) => options.map((option) => prefix + option))
      // A branch read to its end may be followed by more letters; one that stopped early may not.
      const whole = alternatives.every((alternative, i) => alternative.whole && alternative.end === splitLength(source, at, close, i))
      if (!whole || source[close + 1] === '+') return { prefixes, end: at, whole: false }
      at = close + 1
      continue
    }
    return { prefixes, end: at, whole: true }
  }
  return { prefixes, end: at, whole: true }
}

function splitLength(source: string, open: number, close: number, i: number): number {
  return splitTopLevel(source.slice(open + 3, close))[i].length
}

/**
 * The words of a branch that every match needs, in order: the one at its start, then each that follows a
 * required space (`\s` or `\s+`, so it starts a word of the comment too), while everything is required.
 */
function requiredWords(branch: string, at: number): string[][] {
  const words: string[][] = []
  for (;;) {
    const found = run(branch, at)
    if (found.prefixes.includes('')) break
    words.push(found.prefixes)
    if (!found.whole) break
    at = found.end
    if (branch.startsWith('\\s+', at)) at += 3
    else if (branch.startsWith('\\s', at) && !isOptional(branch[at + 2])) at += 2
    else break
  }
  return words
}

/** The most telling of a branch's required words: the one whose shortest reading is longest ("know" over "i"). */
function mostTelling(words: string[][]): string[] {
  const shortest = (prefixes: string[]): number => Math.min(...prefixes.map((prefix) => prefix.length))
  return words.reduce((best, prefixes) => (shortest(prefixes) > shortest(best) ? prefixes : best))
}
