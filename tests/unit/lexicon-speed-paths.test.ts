// The lexicon's fast paths (pattern gating, per-word caches) must score exactly as running everything would.
import { describe, expect, it } from 'vitest'
import { PATTERNS } from '../../src/main/engine/scoring/local/lexicon'
import { patternsToRun } from '../../src/main/engine/scoring/local/lexicon-scorer'
import { normalize } from '../../src/main/engine/scoring/local/normalize'
import { triggersOf } from '../../src/main/engine/scoring/local/pattern-triggers'

// Comments that reach patterns through evasions: masks and leetspeak inside a word, other scripts beside
// Latin letters, Devanagari phrases, numbers and links.
const TEXTS = [
  'I will kill you', 'I w1ll k1ll y0u', 'f*kill them', 'ékill them all', 'x@earn 5000 per day', 'x@kill them', 'we know where you live',
  'you are going to die', 'muslims are terrorists', 'kill all immigrants', 'send them back to africa',
  'his number is 98765 43210', 'mail me at a.b@example.com', 'visit spam-site.xyz/offer now', 'earn 5000 per day from home',
  'जान से मार देंगे', 'isko goli maar do', 'sar tan se juda', 'tujhe dekh lunga', 'teri maa ki aankh', 'suar ki aulad',
  'click here for 100% guaranteed returns', 'join our telegram for sure shot tips', 'put a bullet in his head',
  'you should all be shot', 'hang them all', 'shut up', 'it is in their blood', 'the jews run the media', 'kys',
  'dimag se paidal hai', 'bakwas band kar', 'bahar mil tujhe', 'ghar aake maarunga', 'zinda jala do', 'latka do isko',
  'Sarkar ne galat kiya, par janta chunav me jawab degi.', 'The minister is wrong on this and the policy will hurt farmers.'
]

describe('phrase-pattern gating', () => {
  it('runs every pattern that matches, on texts that reach them through evasions', () => {
    for (const text of TEXTS) {
      const { lower, plain } = normalize(text)
      const run = patternsToRun(text)
      PATTERNS.forEach((pattern, index) => {
        const re = new RegExp(pattern.re.source, 'g')
        if (re.test(pattern.raw ? lower : plain)) expect(run[index], `${pattern.name} on "${text}"`).toBe(true)
      })
    }
  })

  it('skips the patterns a comment has none of the words for', () => {
    const run = patternsToRun('Thanks for the thorough reporting on the budget.')
    expect(run.filter(Boolean).length).toBeLessThan(PATTERNS.length / 3)
  })

  it("reads a pattern's needed words from its source", () => {
    expect(triggersOf(String.raw`\b(?:kill|shoot)s?\s+you`)).toEqual({ prefixes: ['kill', 'shoot'], fragments: [] })
    // The most telling required word: "know" over "i"/"we".
    expect(triggersOf(String.raw`\b(?:we|i)\s+know\s+where`)?.prefixes).toEqual(['where'])
    expect(triggersOf(String.raw`\bdeserves?\s+to`)?.prefixes).toEqual(['deserve'])
    expect(triggersOf('जान से मार')).toEqual({ prefixes: [], fragments: ['जान'] })
    expect(triggersOf('मारो?\\s')).toEqual({ prefixes: [], fragments: ['मार'] })
    // A branch that can start anywhere (a digit, a class) leaves the pattern always on.
    expect(triggersOf(String.raw`\bkill\b|\d{3}`)).toBeNull()
    expect(triggersOf(String.raw`(?<!\bput\s+)\bshut\s+up`)?.prefixes).toEqual(['shut'])
  })
})
