// What `sieve eval` measures a scorer on: the held-out splits of the labelled data (never trained on), or
// any NDJSON file of {text, label} (1 = should be removed, 0 = fine).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../errors'
import { loadCorpus } from './local/model/data/corpus'
import { readLabelledNdjson } from './local/model/data/ndjson'
import type { LabelledText } from './local/model/linear-model'

export const HELD_OUT_SETS = ['wiki', 'templates-en', 'templates-hi', 'fox', 'hinglish-news'] as const
export type HeldOutSet = (typeof HELD_OUT_SETS)[number]

/** Our own self-written Hinglish news comments (dev-sets/README.md), beside the app's sources. */
const HINGLISH_NEWS = join(__dirname, '..', '..', '..', '..', 'dev-sets', 'hinglish-news.ndjson')

export function heldOutSet(dataDir: string, set: HeldOutSet): LabelledText[] {
  if (set === 'hinglish-news') {
    if (!existsSync(HINGLISH_NEWS)) throw new UserError(`The Hinglish dev set is not at ${HINGLISH_NEWS} (it ships with the sources, not the app).`)
    return readLabelledNdjson(HINGLISH_NEWS)
  }
  if (!existsSync(join(dataDir, 'wiki-toxicity'))) {
    throw new UserError(`No labelled data at ${dataDir}: pass --data-dir (the folder with wiki-toxicity/ and identity-templates/) or --data FILE.ndjson.`)
  }
  const corpus = loadCorpus(dataDir)
  if (set === 'wiki') return corpus.wikiHeldOut
  // The four Fox News threads never trained on: "a newsroom the model has not seen".
  if (set === 'fox') return corpus.foxHeldOut
  return corpus.templatesHeldOut[set === 'templates-en' ? 'en' : 'hi-Latn']
}

export function labelledFile(path: string): LabelledText[] {
  if (!existsSync(path)) throw new UserError(`There is no file ${path}.`)
  try {
    return readLabelledNdjson(path)
  } catch (error) {
    throw new UserError((error as Error).message)
  }
}
