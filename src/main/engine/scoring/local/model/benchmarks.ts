// Evaluates any scorer (the trained one, the lexicon, a retrained candidate) on labelled texts and on the
// held-out splits of the data sets.
import { ATTRIBUTES, type Attribute, type Scores } from '../../../../../shared/model'
import type { ScoreResult, Scorer } from '../../scorer'
import { loadCorpus } from './data/corpus'
import { agreedSpans, type ToxicSpansRow } from './data/toxic-spans'
import { evaluateScores, type Evaluation } from './evaluate'
import type { LabelledText } from './linear-model'
import { characterF1 } from './metrics'

/** Which score ranks a text: one attribute, or its highest (what a moderator's "likely violations" sees). */
export type RankBy = Attribute | 'max'

export function picked(scores: Scores, pick: RankBy): number {
  if (pick !== 'max') return scores[pick] ?? 0
  return Math.max(0, ...ATTRIBUTES.map((attribute) => scores[attribute] ?? 0))
}

export async function scoreAll(scorer: Scorer, texts: readonly string[]): Promise<ScoreResult[]> {
  const results: ScoreResult[] = []
  for (let from = 0; from < texts.length; from += scorer.batchSize) {
    results.push(...(await scorer.score(texts.slice(from, from + scorer.batchSize))))
  }
  return results
}

export async function evaluateScorer(scorer: Scorer, examples: readonly LabelledText[], pick: RankBy = 'TOXICITY'): Promise<Evaluation> {
  const results = await scoreAll(
    scorer,
    examples.map((example) => example.text)
  )
  return evaluateScores(
    results.map((result) => picked(result.scores, pick)),
    examples
  )
}

export interface HeldOutSets {
  /** Wiki rows with rev_id % 10 < 3. */
  wiki: LabelledText[]
  /** Template sentences about the held-out identities. */
  templatesEn: LabelledText[]
  templatesHi: LabelledText[]
  /** The held-out tenth of the toxic-spans posts. */
  spans: ToxicSpansRow[]
}

export function heldOutSets(dataDir: string): HeldOutSets {
  const corpus = loadCorpus(dataDir)
  return { wiki: corpus.wikiHeldOut, templatesEn: corpus.templatesHeldOut.en, templatesHi: corpus.templatesHeldOut['hi-Latn'], spans: corpus.spansHeldOut }
}

export interface SpanReport {
  /** Mean character F1 of the highlighted toxicity spans against the raters' agreed spans, over toxic posts. */
  f1: number
  posts: number
  /** Per attribute, AUC against "at least half the raters marked a span of this type". */
  auc: Partial<Record<Attribute, number>>
}

const SPAN_TYPE_OF: Partial<Record<Attribute, ToxicSpansRow['spans'][number]['type']>> = {
  INSULT: 'Insult',
  THREAT: 'Threat',
  IDENTITY_ATTACK: 'Identity based Attack',
  PROFANITY: 'Profane/Obscene'
}
const NOT_TOXICITY: readonly Attribute[] = ['SPAM', 'SEXUALLY_EXPLICIT']

export async function evaluateSpans(scorer: Scorer, rows: readonly ToxicSpansRow[]): Promise<SpanReport> {
  const results = await scoreAll(
    scorer,
    rows.map((row) => row.text)
  )
  let f1 = 0
  let posts = 0
  rows.forEach((row, i) => {
    if (row.notToxic * 2 > row.raters) return
    const highlighted = results[i].spans.filter((span) => !NOT_TOXICITY.includes(span.attribute))
    f1 += characterF1(highlighted, agreedSpans(row))
    posts++
  })
  const auc: Partial<Record<Attribute, number>> = {}
  const toxicity = rows.map((row) => ({ text: row.text, label: row.notToxic * 2 < row.raters ? 1 : 0 }))
  auc.TOXICITY = evaluateScores(
    results.map((result) => result.scores.TOXICITY ?? 0),
    toxicity
  ).auc
  for (const [attribute, type] of Object.entries(SPAN_TYPE_OF) as [Attribute, ToxicSpansRow['spans'][number]['type']][]) {
    const labelled = rows.map((row) => ({ text: row.text, label: row.byType[type] * 2 >= row.raters ? 1 : 0 }))
    auc[attribute] = evaluateScores(
      results.map((result) => result.scores[attribute] ?? 0),
      labelled
    ).auc
  }
  return { f1: posts > 0 ? f1 / posts : Number.NaN, posts, auc }
}
