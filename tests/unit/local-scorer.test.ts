import { describe, expect, it } from 'vitest'
import { ATTRIBUTES, type Attribute, type Span } from '../../src/shared/model'
import { createLexiconScorer } from '../../src/main/engine/scoring/local/lexicon-scorer'

const scorer = createLexiconScorer()

async function score(text: string) {
  const [result] = await scorer.score([text])
  return { ...result, score: (attribute: Attribute) => result.scores[attribute] ?? Number.NaN }
}

/** The text each span highlights, with its attribute and signal. */
function marked(text: string, spans: Span[]): string[] {
  return spans.map((span) => `${text.slice(span.start, span.end)} | ${span.attribute} | ${span.signal}`)
}

describe('the local lexicon scorer', () => {
  it('declares itself as the local scorer for every attribute', () => {
    expect(scorer.name).toBe('local')
    expect(scorer.modelVersion).toBe('lexicon-3')
    expect(scorer.attributes).toEqual(ATTRIBUTES)
    expect(scorer.batchSize).toBe(500)
  })

  it('returns every attribute, within 0..1, for every text in order', async () => {
    const texts = ['', 'Fine article.', 'you f*cking idiot, we know where you live', 'kill all jews, chutiya', '🙂🙂']
    const results = await scorer.score(texts)
    expect(results).toHaveLength(texts.length)
    for (const result of results) {
      expect(Object.keys(result.scores).sort()).toEqual([...ATTRIBUTES].sort())
      for (const value of Object.values(result.scores)) {
        expect(value).toBeGreaterThanOrEqual(0)
        expect(value).toBeLessThanOrEqual(1)
      }
    }
    expect(results[0]).toEqual({ scores: Object.fromEntries(ATTRIBUTES.map((a) => [a, 0])), spans: [] })
  })

  it('leaves civil and critical comments about the news low', async () => {
    const civil = [
      'Does anyone know if the 600 killed figure comes from the NIS or the Joint Chiefs?',
      'The police said the suspect was shot dead in an encounter near the border.',
      'He was hanged in 1931; the assassination attempt is still debated by historians.',
      'Muslims are the second largest religious community in India, and also victims of terrorists.',
      'The minister is wrong on this and the policy will hurt farmers. Vote them out.',
      'Shoot them an email and ask for the full data. We will hang the portraits tomorrow.',
      'Growth was flat 2 years running and the 2024 budget cut 5% from rural jobs.',
      'Put up or shut up: publish the evidence.',
      'Sarkar ne galat kiya, par janta chunav me jawab degi.'
    ]
    for (const text of civil) {
      const result = await score(text)
      expect(result.score('TOXICITY'), text).toBeLessThan(0.2)
      expect(Math.max(...Object.values(result.scores)), text).toBeLessThan(0.3)
    }
  })

  it('does not fire inside longer innocent words', async () => {
    const text = 'Scunthorpe, assassination, class, analysis, therapist, cocktail, Dickens, Essex, shiitake, poorness, retardant'
    const result = await score(text)
    expect(result.spans).toEqual([])
    expect(Math.max(...Object.values(result.scores))).toBe(0)
  })

  it('scores insults, threats, slurs and spam high on the right attribute', async () => {
    expect((await score('You are an idiot.')).score('INSULT')).toBeGreaterThanOrEqual(0.7)
    expect((await score('You are an idiot.')).score('TOXICITY')).toBeGreaterThanOrEqual(0.6)
    expect((await score('We know where you live.')).score('THREAT')).toBeGreaterThanOrEqual(0.8)
    expect((await score('I will find you.')).score('THREAT')).toBeGreaterThanOrEqual(0.7)
    expect((await score('Traitors like him should be shot.')).score('THREAT')).toBeGreaterThanOrEqual(0.7)
    expect((await score('Someone should put a bullet in his head')).score('THREAT')).toBeGreaterThanOrEqual(0.8)
    expect((await score('all muslims are terrorists')).score('IDENTITY_ATTACK')).toBeGreaterThanOrEqual(0.7)
    expect((await score('Dalits are dirty, every one of them')).score('IDENTITY_ATTACK')).toBeGreaterThanOrEqual(0.7)
    expect((await score('Earn ₹50,000 per week from home! WhatsApp 98765 43210')).score('SPAM')).toBeGreaterThanOrEqual(0.9)
    expect((await score('Crypto signals, 100% guaranteed profit, click here: www.moon-signals.xyz')).score('SPAM')).toBeGreaterThanOrEqual(0.9)
  })

  it('keeps severe toxicity for the worst: slurs, death threats, stacked abuse', async () => {
    expect((await score('This policy is stupid')).score('SEVERE_TOXICITY')).toBe(0)
    expect((await score('shut up, idiot')).score('SEVERE_TOXICITY')).toBe(0)
    expect((await score('you bitch')).score('SEVERE_TOXICITY')).toBe(0)
    expect((await score('I will kill you')).score('SEVERE_TOXICITY')).toBeGreaterThanOrEqual(0.6)
    expect((await score('you fucking idiot')).score('SEVERE_TOXICITY')).toBeGreaterThanOrEqual(0.5)
    expect((await score('go back to your country, faggot')).score('SEVERE_TOXICITY')).toBeGreaterThanOrEqual(0.6)
  })

  it('lets toxicity rise with any other attribute', async () => {
    for (const text of ['You are an idiot', 'we know where you live', 'all immigrants are vermin', 'what the fuck']) {
      const { scores } = await score(text)
      const worst = Math.max(scores.INSULT!, scores.THREAT!, scores.IDENTITY_ATTACK!, scores.PROFANITY!, scores.SEVERE_TOXICITY!)
      expect(scores.TOXICITY, text).toBeGreaterThanOrEqual(0.9 * worst - 1e-9)
    }
  })

  it('sees through obfuscation and points its spans at the characters as written', async () => {
    const cases: [string, string, Attribute][] = [
      ['You absolute IDIOOOT!', 'IDIOOOT', 'INSULT'],
      ['you are so stuuupid', 'stuuupid', 'INSULT'],
      ['you are a m0r0n', 'm0r0n', 'INSULT'],
      ['this is f*cking ridiculous', 'f*cking', 'PROFANITY'],
      ['F**K this', 'F**K', 'PROFANITY'],
      ['total sh!t', 'sh!t', 'PROFANITY'],
      ['what a load of s**t', 's**t', 'PROFANITY'],
      ['what an a$$hole', 'a$$hole', 'INSULT'],
      ['you are s t u p i d', 's t u p i d', 'INSULT'],
      ['such an i.d.i.o.t, honestly', 'i.d.i.o.t', 'INSULT']
    ]
    for (const [text, word, attribute] of cases) {
      const result = await score(text)
      expect(result.score(attribute), text).toBeGreaterThanOrEqual(0.5)
      const span = result.spans.find((candidate) => candidate.attribute === attribute)
      expect(span && text.slice(span.start, span.end), text).toBe(word)
    }
  })

  it('keeps offsets right after characters that take two UTF-16 units', async () => {
    const text = '🙂🙂 İstanbul fans, you are an idiot'
    const { spans } = await score(text)
    expect(marked(text, spans)).toEqual(['idiot | INSULT | idiot'])
  })

  it('reads Hindi and Hinglish abuse and threats', async () => {
    expect((await score('tu chutiya hai')).score('INSULT')).toBeGreaterThanOrEqual(0.8)
    expect((await score('saale harami, chup kar')).score('INSULT')).toBeGreaterThanOrEqual(0.8)
    expect((await score('ye bhadwa kutta hai')).score('TOXICITY')).toBeGreaterThanOrEqual(0.7)
    expect((await score('tum deshdrohi ho, gadhe')).score('INSULT')).toBeGreaterThanOrEqual(0.6)
    expect((await score('isko jaan se maar denge')).score('THREAT')).toBeGreaterThanOrEqual(0.85)
    expect((await score('usko maar denge')).score('THREAT')).toBeGreaterThanOrEqual(0.8)
    expect((await score('तू चूतिया है')).score('INSULT')).toBeGreaterThanOrEqual(0.8)
    const text = 'उसे जान से मार देंगे'
    const result = await score(text)
    expect(result.score('THREAT')).toBeGreaterThanOrEqual(0.85)
    expect(marked(text, result.spans)).toContain('जान से मार | THREAT | threat: jaan se maar')
  })

  it('names the matched word or pattern as each span’s signal', async () => {
    const text = 'We know where you live, idiot.'
    expect(marked(text, (await score(text)).spans)).toEqual([
      'We know where you live | THREAT | threat: we know where you live',
      'We know where you live | SEVERE_TOXICITY | threat: we know where you live',
      'idiot | INSULT | idiot'
    ])
  })

  it('counts mild words fully only when aimed at someone, and not when negated', async () => {
    const aimed = (await score('you are pathetic')).score('INSULT')
    const loose = (await score('a pathetic budget')).score('INSULT')
    const negated = (await score('Hum log bewakoof nahi hai')).score('INSULT')
    expect(aimed).toBeGreaterThan(loose)
    expect(loose).toBeLessThan(0.4)
    expect(negated).toBeLessThan(0.2)
  })

  it('treats published personal data as moderately toxic, and as spam only when selling', async () => {
    const doxx = await score('His number is +91 98765 43210, he lives at house no 42. Call karo sab.')
    expect(doxx.score('TOXICITY')).toBeGreaterThanOrEqual(0.5)
    expect(doxx.score('SPAM')).toBe(0)
    const bare = await score('Mr Rao, 98765 43210')
    expect(bare.score('TOXICITY')).toBeGreaterThan(0.2)
    expect(bare.score('TOXICITY')).toBeLessThan(0.6)
    const sales = await score('Loan offer, guaranteed approval, WhatsApp 98765 43210')
    expect(sales.score('SPAM')).toBeGreaterThanOrEqual(0.85)
    expect(sales.score('TOXICITY')).toBe(0)
    expect(marked('Loan offer, guaranteed approval, WhatsApp 98765 43210', sales.spans)).toContain(
      '98765 43210 | SPAM | spam: phone number with sales words'
    )
  })

  it('lets a plain source link through but flags links that sell', async () => {
    expect((await score('Full report: https://pib.gov.in/release')).score('SPAM')).toBeLessThan(0.3)
    expect((await score('Best betting odds, sign up: https://win-big.example/ref')).score('SPAM')).toBeGreaterThanOrEqual(0.85)
    expect((await score('DM me for crypto tips, Telegram @moonsignals')).score('SPAM')).toBeGreaterThanOrEqual(0.85)
  })
})
