// The lexicon scorer's verdicts as model input: hand-written phrase patterns (threats, Hinglish abuse) know
// things the labelled data is too small to teach, and the model learns how far to trust each attribute.
import { ATTRIBUTES } from '../../../../../shared/model'
import type { ScoreResult } from '../../scorer'
import { createLexiconScorer } from '../lexicon-scorer'

const lexicon = createLexiconScorer()

/** Stored with the model: a model trained on one lexicon's verdicts expects that lexicon. */
export const LEXICON_VERSION = lexicon.modelVersion
export const EVIDENCE_SIZE = ATTRIBUTES.length
const CHUNK = 2000

export function lexiconScores(texts: readonly string[]): Promise<ScoreResult[]> {
  return lexicon.score([...texts])
}

/** One lexicon score per attribute (ATTRIBUTES order), written into `out`. */
export function evidenceOf(result: ScoreResult, out = new Float32Array(EVIDENCE_SIZE)): Float32Array {
  ATTRIBUTES.forEach((attribute, i) => {
    out[i] = result.scores[attribute] ?? 0
  })
  return out
}

/** The evidence of many texts, `EVIDENCE_SIZE` values per text, without keeping every lexicon span in memory. */
export async function evidenceTable(texts: readonly string[]): Promise<Float32Array> {
  const table = new Float32Array(texts.length * EVIDENCE_SIZE)
  for (let from = 0; from < texts.length; from += CHUNK) {
    const results = await lexiconScores(texts.slice(from, from + CHUNK))
    results.forEach((result, i) => evidenceOf(result, table.subarray((from + i) * EVIDENCE_SIZE, (from + i + 1) * EVIDENCE_SIZE)))
  }
  return table
}
