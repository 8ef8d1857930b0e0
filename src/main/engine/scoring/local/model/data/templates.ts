// The identity sentence templates (conversationai/unintended-ml-bias-analysis): identity terms put in toxic
// and non-toxic frames, in English and in Hindi written in Latin script.
import { join } from 'node:path'
import { finish, mixRange, seed } from '../hashing'
import { readCsv } from './csv'

export type TemplateLanguage = 'en' | 'hi-Latn'

export interface TemplateRow {
  text: string
  toxic: boolean
  template: string
  /** The identity (or occupation) the sentence is about: its words once the frame, adjective and name are gone. */
  identity: string
  heldOut: boolean
}

/** Within a template, a word in more than this share of its sentences is part of the frame ("is", "hain"). */
const FRAME_SHARE = 0.05
const SPLIT = seed('template-split')

/**
 * The held-out split is by identity: every sentence about a held-out identity (≈30 % of them) is held out,
 * in every frame. Held-out scores so measure how the model treats identities it never saw in a template,
 * not how well it remembers sentences it trained on (the adjectives and frames are shared with training).
 */
export function isTemplateHeldOut(identity: string): boolean {
  return finish(mixRange(SPLIT, identity, 0, identity.length)) % 10 < 3
}

export function readTemplates(dataDir: string, language: TemplateLanguage): TemplateRow[] {
  const rows = readCsv(join(dataDir, 'identity-templates', `${language}_sentence_templates.csv`))
  const sentences = rows.map((row) => ({ row, words: row.phrase.toLowerCase().split(/\s+/).filter(Boolean) }))
  // Words that only ever appear with one label are what makes a sentence toxic or not: the adjectives and verbs.
  const labelsOf = new Map<string, Set<string>>()
  const perTemplate = new Map<string, { rows: number; words: Map<string, number> }>()
  for (const { row, words } of sentences) {
    const stats = perTemplate.get(row.template) ?? { rows: 0, words: new Map<string, number>() }
    stats.rows++
    for (const word of new Set(words)) {
      labelsOf.set(word, (labelsOf.get(word) ?? new Set()).add(row.toxicity))
      stats.words.set(word, (stats.words.get(word) ?? 0) + 1)
    }
    perTemplate.set(row.template, stats)
  }
  return sentences.map(({ row, words }) => {
    const stats = perTemplate.get(row.template)
    // name_adj sentences open with a first name ("Sara is a kind muslim"): not part of the identity.
    const rest = row.template === 'name_adj' ? words.slice(1) : words
    const identity = rest
      .filter((word) => labelsOf.get(word)?.size !== 1 && (stats?.words.get(word) ?? 0) <= FRAME_SHARE * (stats?.rows ?? 0))
      .join(' ')
    return { text: row.phrase, toxic: row.toxicity === 'toxic', template: row.template, identity, heldOut: isTemplateHeldOut(identity) }
  })
}
