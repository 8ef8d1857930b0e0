// Our Hinglish lexicon: what moderators remove under Indian news stories, through its usual spellings and
// evasions, while the same words in ordinary use stay low.
import { describe, expect, it } from 'vitest'
import { createLexiconScorer } from '../../src/main/engine/scoring/local/lexicon-scorer'

const lexicon = createLexiconScorer()
const strongest = async (text: string) => Math.max(...Object.values((await lexicon.score([text]))[0].scores).map(Number))
const score = async (text: string) => (await lexicon.score([text]))[0].scores

describe('the Hinglish lexicon', () => {
  it('reads abuse in its romanised spellings, SMS abbreviations, masks and leetspeak', async () => {
    for (const text of ['bsdk padh toh le', 'abe lodu chup', 'ch*tiya hai kya', 'bh0sdike', 'tmkc', 'g@ndu log', 'behenchod sab', 'harami neta', 'tu haraamkhor hai']) {
      expect((await score(text)).INSULT ?? 0, text).toBeGreaterThanOrEqual(0.5)
    }
  })

  it('reads political name-calling aimed at someone, slurs and threats', async () => {
    expect((await score('chup kar andhbhakt')).INSULT ?? 0).toBeGreaterThanOrEqual(0.5)
    expect((await score('ye katue sab aise hi hain')).IDENTITY_ATTACK ?? 0).toBeGreaterThanOrEqual(0.8)
    expect((await score('sar tan se juda')).THREAT ?? 0).toBeGreaterThanOrEqual(0.9)
    expect((await score('ghar aake maarunga tujhe')).THREAT ?? 0).toBeGreaterThanOrEqual(0.8)
    expect((await score('teri gardan kaat denge')).THREAT ?? 0).toBeGreaterThanOrEqual(0.8)
    expect((await score('ye anchor randi hai')).SEXUALLY_EXPLICIT ?? 0).toBeGreaterThanOrEqual(0.4)
    expect((await score('मुल्ले देश के दुश्मन')).IDENTITY_ATTACK ?? 0).toBeGreaterThanOrEqual(0.8)
  })

  it('leaves the same words in ordinary use low', async () => {
    for (const text of [
      'Rohit ne last over me chakka maara, kya match tha',
      'bhai pagal kar diya is match ne',
      'gali ke kutton ka kuch karo, bachche ko kaat liya',
      'property dalal ne 2 lakh commission maanga',
      'Godi media ye khabar nahi dikhayega'
    ]) {
      expect(await strongest(text), text).toBeLessThan(0.5)
    }
  })
})
