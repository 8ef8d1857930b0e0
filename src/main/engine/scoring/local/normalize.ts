// Undoes the usual ways commenters dodge word filters, keeping every word tied to where it sits in the
// original text so spans can point at the characters the moderator actually sees.

/** A word of the comment, ready for lexicon look-up. */
export interface Token {
  /** Lower-cased, leetspeak undone; a masked letter (f*ck, f#ck) is '*'. */
  text: string
  /** UTF-16 offsets of the word in the original text. */
  start: number
  end: number
  /** Position among the comment's words; letters spelt out one by one share their first letter's. */
  index: number
  /** How many real letters it has: a masked word needs two before it is guessed at. */
  letters: number
  /** Whether it holds anything but a-z (digits, symbols, other scripts): a regex `\b` may fall inside it. */
  mixed: boolean
}

export interface Normalized {
  /** The text lower-cased, one UTF-16 unit per unit, so offsets carry over unchanged. */
  lower: string
  /** `lower` with leetspeak undone inside words (same length again), for phrase patterns. */
  plain: string
  /** The words in order: `words[i].index === i`. */
  words: Token[]
  /** One extra word per run of spelt-out letters ("s t u p i d", "i.d.i.o.t"). */
  spelled: Token[]
}

const LEET: Record<string, string> = { '1': 'i', '3': 'e', '4': 'a', '0': 'o', '@': 'a', $: 's', '5': 's', '7': 't', '!': 'i' }
const MASKS = '*#%'
// Ordinary punctuation at a word's edges ("idiot!", "#tag"), obfuscation inside it ("sh!t", "f#ck").
const LEADING = '!#%*'
const TRAILING = '!#%'
const NON_ASCII_LETTER = /[\p{L}\p{M}]/u

// What each ASCII character is, looked up by code: this loop runs over every character of every comment.
const SEPARATOR = 0
const LETTER = 1
const OTHER_WORD_CHAR = 2
const ASCII = new Uint8Array(128)
for (let code = 0; code < 128; code++) {
  const ch = String.fromCharCode(code)
  if (ch >= 'a' && ch <= 'z') ASCII[code] = LETTER
  else if ((ch >= '0' && ch <= '9') || ch in LEET || MASKS.includes(ch)) ASCII[code] = OTHER_WORD_CHAR
}

function kind(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code < 128) return ASCII[code]
  if (code >= 0x0900 && code <= 0x0963) return LETTER // Devanagari letters and vowel signs, short of the danda
  return NON_ASCII_LETTER.test(text[i]) ? LETTER : SEPARATOR
}

function lowerCase(text: string): string {
  const lowered = text.toLowerCase()
  if (lowered.length === text.length) return lowered
  // A few capitals lower-case to two units (İ → i̇); keep the first so offsets stay aligned.
  let out = ''
  for (let i = 0; i < text.length; i++) out += text[i].toLowerCase()[0]
  return out
}

export function normalize(text: string): Normalized {
  const lower = lowerCase(text)
  const tokens: Token[] = []
  let plain = ''
  let copied = 0
  let i = 0
  while (i < lower.length) {
    if (kind(lower, i) === SEPARATOR) {
      i++
      continue
    }
    let start = i
    let end = i
    let letters = 0
    let disguised = false
    let foreign = false
    for (let k = kind(lower, end); k !== SEPARATOR; k = end < lower.length ? kind(lower, end) : SEPARATOR) {
      if (k === LETTER) {
        letters++
        if (lower.charCodeAt(end) >= 128) foreign = true
      } else disguised = true
      end++
    }
    i = end
    while (start < end && LEADING.includes(lower[start])) start++
    while (end > start && TRAILING.includes(lower[end - 1])) end--
    if (letters === 0) continue

    // Digits and symbols are letters in disguise only inside a word: "2024" and "$5" stay as they are.
    let word = lower.slice(start, end)
    if (disguised) {
      word = ''
      for (let k = start; k < end; k++) {
        const ch = lower[k]
        word += MASKS.includes(ch) ? '*' : (LEET[ch] ?? ch)
      }
      // `plain` differs from `lower` only where a word was disguised: most comments never build it.
      plain += lower.slice(copied, start) + word
      copied = end
    }
    tokens.push({ text: word, start, end, index: tokens.length, letters, mixed: disguised || foreign })
  }
  plain = copied === 0 ? lower : plain + lower.slice(copied)
  return { lower, plain, words: tokens, spelled: spelledOut(tokens, lower) }
}

/** Joins runs of three or more one-character words at most two characters apart on one line. */
function spelledOut(tokens: Token[], lower: string): Token[] {
  const joined: Token[] = []
  let run: Token[] = []
  const flush = (): void => {
    if (run.length >= 3) {
      joined.push({
        text: run.map((token) => token.text).join(''),
        start: run[0].start,
        end: run[run.length - 1].end,
        index: run[0].index,
        letters: run.reduce((sum, token) => sum + token.letters, 0),
        mixed: run.some((token) => token.mixed)
      })
    }
    run = []
  }
  for (const token of tokens) {
    if (token.end - token.start !== 1) {
      flush()
      continue
    }
    const previous = run[run.length - 1]
    if (previous && (token.start - previous.end > 2 || lower.slice(previous.end, token.start).includes('\n'))) flush()
    run.push(token)
  }
  flush()
  return joined
}

/** A word as its letters and how often each repeats in a row: "idiooot" → "idiot", [1, 1, 1, 3, 1]. */
export function squeeze(word: string): { key: string; counts: number[] } {
  let key = ''
  const counts: number[] = []
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]
    if (i > 0 && ch === word[i - 1] && ch !== '*') counts[counts.length - 1]++
    else {
      key += ch
      counts.push(1)
    }
  }
  return { key, counts }
}
