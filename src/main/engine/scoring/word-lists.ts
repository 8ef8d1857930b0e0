// The publisher's banned and suspect words, matched the way trolls write them (z0rbl@x, zorrrblax) by the
// maintained `obscenity` matcher. A match is shown as a signal with the word it matched, never a vague flag.
import { DataSet, englishRecommendedTransformers, parseRawPattern, RegExpMatcher } from 'obscenity'
import type { WordMatch } from '../../../shared/model'
import type { ScoringSettings } from '../../../shared/settings'

export type WordMatcher = (text: string) => WordMatch[]

/** obscenity's pattern syntax gives [ ] ? | and \ meanings; a publisher's word is literal text. */
function literal(word: string): string {
  return word.toLowerCase().replace(/[[\]?|\\]/g, (character) => `\\${character}`)
}

export function createWordMatcher(lists: ScoringSettings['wordLists']): WordMatcher {
  const entries = [
    ...lists.banned.map((word) => ({ word, list: 'banned' as const })),
    ...lists.suspect.map((word) => ({ word, list: 'suspect' as const }))
  ]
  if (entries.length === 0) return () => []
  const dataSet = new DataSet<{ word: string; list: WordMatch['list'] }>()
  for (const entry of entries) dataSet.addPhrase((phrase) => phrase.setMetadata(entry).addPattern(parseRawPattern(literal(entry.word))))
  const matcher = new RegExpMatcher({ ...dataSet.build(), ...englishRecommendedTransformers })
  return (text) =>
    matcher.getAllMatches(text, true).map((match) => {
      const { word, list } = dataSet.getPayloadWithPhraseMetadata(match).phraseMetadata!
      return { start: match.startIndex, end: Math.min(text.length, match.endIndex + 1), word, list }
    })
}
