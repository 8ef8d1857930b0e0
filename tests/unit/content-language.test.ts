// The statement's content_language: English or Hindi (Devanagari or Hinglish), unknown otherwise.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentLanguage } from '../../src/main/engine/reports/content-language'

const DATA = resolve(process.env.SIEVE_DATA_DIR ?? resolve(__dirname, '../../../shared/data'))
const TEMPLATES = resolve(DATA, 'identity-templates')

describe('the language of a comment', () => {
  it('tells English from Hindi in Latin script and in Devanagari', () => {
    expect(contentLanguage('Does anyone know if the 600 killed figure comes from the NIS or the Joint Chiefs?')).toBe('EN')
    expect(contentLanguage('bhai koi score bata do, Pant out hua kya? yahan net bahut slow chal raha hai')).toBe('HI')
    expect(contentLanguage('Who cares about affidavits, KKR needs a new captain first 😤 management ko sharam aani chahiye')).toBe('HI')
    expect(contentLanguage('युद्ध में सबसे ज़्यादा नुकसान आम सैनिकों और उनके परिवारों का होता है।')).toBe('HI')
    expect(contentLanguage('I have voted in every election since 2004. Questioning the tone of an official is not anti-national, bhai.')).toBe('EN')
  })

  it('leaves it unknown when there is too little to tell or the language is neither', () => {
    expect(contentLanguage('😂😂😂')).toBeNull()
    expect(contentLanguage('No deal. Big surprise.')).toBeNull()
    expect(contentLanguage('Das ist eine Frechheit, und der Artikel ist schlecht recherchiert.')).toBeNull()
  })

  const phrases = (language: string) =>
    readFileSync(resolve(TEMPLATES, `${language}_sentence_templates.csv`), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').slice(2).join(','))

  it.skipIf(!existsSync(TEMPLATES))('never calls an English template Hindi or a Hinglish one English (identity templates)', () => {
    const english = phrases('en').map(contentLanguage)
    const hinglish = phrases('hi-Latn').map(contentLanguage)
    expect(english.filter((language) => language === 'HI')).toHaveLength(0)
    expect(hinglish.filter((language) => language === 'EN')).toHaveLength(0)
  })
})
