import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { ATTRIBUTES, type Attribute, type Span } from '../../src/shared/model'
import { evaluate, evaluateScores } from '../../src/main/engine/scoring/local/model/evaluate'
import { extractFeatures, wordKey } from '../../src/main/engine/scoring/local/model/features'
import { characterF1, precisionRecallAt, rocAuc, subgroupAuc } from '../../src/main/engine/scoring/local/model/metrics'
import { decodeModel, encodeModel, loadModel } from '../../src/main/engine/scoring/local/model/model-file'
import { createModelScorer, scorerFromModel } from '../../src/main/engine/scoring/local/model/model-scorer'
import { isHeldBack, retrain, trainWithDecisions } from '../../src/main/engine/scoring/local/model/retrain'
import { trainModel } from '../../src/main/engine/scoring/local/model/train'
import type { Scorer } from '../../src/main/engine/scoring/scorer'
import { tempDir } from '../support/temp-dir'

const MODEL = resolve(__dirname, '../../resources/model/local-model.bin')
const scorer = createModelScorer(MODEL)

async function score(text: string, using: Scorer = scorer) {
  const [result] = await using.score([text])
  return { ...result, score: (attribute: Attribute) => result.scores[attribute] ?? Number.NaN }
}

/** The text each span highlights, with its attribute. */
function marked(text: string, spans: Span[]): string[] {
  return spans.map((span) => `${text.slice(span.start, span.end)} | ${span.attribute}`)
}

describe('the shipped local model', () => {
  it('loads in milliseconds and declares itself as the local scorer for every attribute', () => {
    const started = performance.now()
    const loaded = createModelScorer(MODEL)
    expect(performance.now() - started).toBeLessThan(500)
    expect(loaded.name).toBe('local')
    expect(loaded.modelVersion).toMatch(/^local-[0-9a-f]{12}\+lexicon-3$/)
    expect(loaded.attributes).toEqual(ATTRIBUTES)
    expect(readFileSync(MODEL).length).toBeLessThan(5_000_000)
  })

  it('scores every attribute within 0..1 for every text, in order', async () => {
    const texts = ['', '🙂🙂', 'Fine article.', 'you f*cking idiot, we know where you live', 'word '.repeat(2000), 'तू चूतिया है']
    const results = await scorer.score(texts)
    expect(results).toHaveLength(texts.length)
    for (const result of results) {
      expect(Object.keys(result.scores).sort()).toEqual([...ATTRIBUTES].sort())
      for (const value of Object.values(result.scores)) {
        expect(value).toBeGreaterThanOrEqual(0)
        expect(value).toBeLessThanOrEqual(1)
      }
    }
    expect(results[3].scores.TOXICITY).toBeGreaterThan(results[2].scores.TOXICITY ?? 1)
  })

  it('leaves civil news comments low', async () => {
    const civil = [
      'Does anyone know if the 600 killed figure comes from the NIS or the Joint Chiefs?',
      'The minister is wrong on this and the policy will hurt farmers. Vote them out.',
      'Growth was flat 2 years running and the 2024 budget cut 5% from rural jobs.',
      'Thanks for the thorough reporting, this explains the budget debate well.',
      'The police said the suspect was shot dead in an encounter near the border.',
      'I disagree with the editorial, but it makes a fair point about housing costs.'
    ]
    for (const text of civil) {
      const result = await score(text)
      expect(result.score('TOXICITY'), text).toBeLessThan(0.3)
      expect(Math.max(...Object.values(result.scores).map(Number)), text).toBeLessThan(0.3)
    }
  })

  it('scores insults and threats high', async () => {
    for (const text of ['You are an idiot.', 'You absolute IDIOOOT!', 'Shut up, you pathetic loser', 'you f*cking moron, nobody wants you here']) {
      expect((await score(text)).score('TOXICITY'), text).toBeGreaterThanOrEqual(0.7)
      expect((await score(text)).score('INSULT'), text).toBeGreaterThanOrEqual(0.8)
    }
    const unknownToTheLexicon = await score('you are such a disgusting worthless piece of garbage')
    expect(unknownToTheLexicon.score('TOXICITY')).toBeGreaterThanOrEqual(0.8)
    expect((await score('I will kill you and your family')).score('THREAT')).toBeGreaterThanOrEqual(0.8)
    expect((await score('I will kill you and your family')).score('SEVERE_TOXICITY')).toBeGreaterThanOrEqual(0.6)
    expect((await score('We know where you live.')).score('THREAT')).toBeGreaterThanOrEqual(0.8)
    expect((await score('all muslims are terrorists')).score('IDENTITY_ATTACK')).toBeGreaterThanOrEqual(0.7)
  })

  it('does not hold naming an identity against a comment', async () => {
    const insult = (await score('You are an idiot.')).score('TOXICITY')
    for (const text of ['I am a proud gay Muslim woman.', 'I am a Muslim', 'As a Black Jewish man I found this article moving.', 'My wife is Hindu and I am Christian; we vote differently.']) {
      const result = await score(text)
      expect(result.score('TOXICITY'), text).toBeLessThan(0.5)
      expect(result.score('TOXICITY'), text).toBeLessThan(insult - 0.3)
      expect(result.score('IDENTITY_ATTACK'), text).toBeLessThan(0.3)
    }
  })

  it('reads Hinglish abuse and threats, and leaves Hinglish small talk lower', async () => {
    const smallTalk = await score('Sarkar ne galat kiya, par janta chunav me jawab degi.')
    for (const text of ['tu chutiya hai', 'saale harami, chup kar', 'tum log gadhe ho, bewakoof', 'teri maa ki']) {
      const abuse = await score(text)
      expect(abuse.score('INSULT'), text).toBeGreaterThanOrEqual(0.8)
      expect(abuse.score('TOXICITY'), text).toBeGreaterThan(smallTalk.score('TOXICITY') + 0.25)
    }
    expect((await score('isko jaan se maar denge')).score('THREAT')).toBeGreaterThanOrEqual(0.8)
    expect(Math.max(...Object.values(smallTalk.scores).map(Number))).toBeLessThan(0.4)
  })

  it('points its spans at the words as written in the original text', async () => {
    const cases: [string, string, Attribute][] = [
      ['You absolute IDIOOOT!', 'IDIOOOT', 'INSULT'],
      ['you are a m0r0n', 'm0r0n', 'INSULT'],
      ['🙂🙂 İstanbul fans, you are an idiot', 'idiot', 'INSULT'],
      ['this is f*cking ridiculous', 'f*cking', 'PROFANITY']
    ]
    for (const [text, word, attribute] of cases) {
      const result = await score(text)
      expect(marked(text, result.spans), text).toContain(`${word} | ${attribute}`)
      for (const span of result.spans) {
        expect(span.start).toBeGreaterThanOrEqual(0)
        expect(span.end).toBeLessThanOrEqual(text.length)
        expect(span.signal.length).toBeGreaterThan(0)
      }
    }
    // Words the lexicon does not know are highlighted by the model, with the word as the signal.
    const text = 'you are such a disgusting worthless piece of garbage'
    const result = await score(text)
    const learned = result.spans.filter((span) => span.signal.startsWith('model: '))
    expect(learned.length).toBeGreaterThan(0)
    for (const span of learned) expect(span.signal).toBe(`model: ${text.slice(span.start, span.end)}`)
  })
})

describe('retraining with a newsroom’s decisions', () => {
  const removed = ['The blorfington crowd is at it again', 'typical blorfington nonsense from the blorfington lot', 'blorfington clowns everywhere']
  const approved = ['You are an idiot, said the minister, according to the transcript.', 'The word idiot appears in the quoted letter.']

  it('moves the scores of the texts it learns from, in the direction decided', async () => {
    const previous = loadModel(MODEL)
    const before = scorerFromModel(previous)
    const started = performance.now()
    const candidate = await trainWithDecisions(previous, [...removed.map((text) => ({ text, label: 1 })), ...approved.map((text) => ({ text, label: 0 }))])
    expect(performance.now() - started).toBeLessThan(5000)
    const after = scorerFromModel(candidate)
    for (const text of removed) expect((await score(text, after)).score('TOXICITY'), text).toBeGreaterThan((await score(text, before)).score('TOXICITY') + 0.1)
    for (const text of approved) expect((await score(text, after)).score('TOXICITY'), text).toBeLessThan((await score(text, before)).score('TOXICITY') - 0.1)
    // And generalises a little to a new text with the learned word.
    const unseen = 'more blorfington posts today'
    expect((await score(unseen, after)).score('TOXICITY')).toBeGreaterThan((await score(unseen, before)).score('TOXICITY'))
  })

  it('saves the new model only when it ranks held-back decisions no worse', async () => {
    const dir = tempDir()
    const decisions = [
      ...Array.from({ length: 20 }, (_, i) => ({ text: `blorfington post number ${i} from the usual crowd`, label: 1 })),
      ...Array.from({ length: 20 }, (_, i) => ({ text: `a calm note number ${i} about the bus timetable`, label: 0 }))
    ]
    // Decisions that contradict each other: what is learned from the rest ranks the held-back ones worse.
    const contradicting = decisions.map((decision) => (isHeldBack(decision.text, 0.3) ? { ...decision, label: 1 - decision.label } : decision))
    const kept = await retrain({ modelPath: MODEL, outputPath: join(dir, 'kept.bin'), examples: contradicting, holdOutShare: 0.3 })
    expect(kept.checks[0].candidateAuc).toBeLessThan(kept.checks[0].previousAuc)
    expect(kept.saved).toBe(false)
    expect(kept.reason).toMatch(/kept the previous model/)
    expect(kept.version).toBe(kept.previousVersion)
    expect(existsSync(join(dir, 'kept.bin'))).toBe(false)

    const saved = await retrain({ modelPath: MODEL, outputPath: join(dir, 'new.bin'), examples: decisions, holdOutShare: 0.3 })
    expect(saved.mode).toBe('fine-tune')
    expect(saved.checks.map((check) => check.name)).toEqual(['held-back decisions'])
    expect(saved.saved).toBe(true)
    expect(saved.version).not.toBe(saved.previousVersion)
    expect(createModelScorer(join(dir, 'new.bin')).modelVersion).toBe(`${saved.version}+lexicon-3`)
  })
})

describe('the model file', () => {
  it('round-trips to the same scores and names its version after its content', async () => {
    const examples = [
      { text: 'you are a stupid idiot', labels: { TOXICITY: 1, INSULT: 1 } },
      { text: 'thanks for the careful article', labels: { TOXICITY: 0, INSULT: 0 } }
    ]
    const model = await trainModel(examples, { hashBits: 12, epochs: 3 })
    const bytes = encodeModel(model)
    const read = decodeModel(bytes)
    expect(read.version).toMatch(/^local-[0-9a-f]{12}$/)
    expect(decodeModel(encodeModel(read)).version).toBe(read.version)
    const texts = examples.map((example) => ({ text: example.text, label: example.labels.TOXICITY }))
    expect((await evaluate(model, texts)).auc).toBe(1)
    expect((await evaluate(read, texts)).auc).toBe(1)
    const other = await trainModel(examples, { hashBits: 12, epochs: 4 })
    expect(decodeModel(encodeModel(other)).version).not.toBe(read.version)
    expect(() => decodeModel(new TextEncoder().encode('not a model'))).toThrow(/not a Sieve model/)
  })
})

describe('feature extraction', () => {
  const SPACE = { hashBits: 19, wordRates: new Map([[wordKey('idiot'), 0.9]]) }

  it('is deterministic and ties every word feature to a word of the original text', () => {
    const text = 'You absolute IDIOOOT, s t u p i d!'
    const first = extractFeatures(text, SPACE, [])
    const buckets = Array.from(first.buckets.subarray(0, first.length))
    const second = extractFeatures(text, SPACE, [])
    expect(Array.from(second.buckets.subarray(0, second.length))).toEqual(buckets)
    expect(second.pieces.map((piece) => text.slice(piece.start, piece.end))).toEqual(['You', 'absolute', 'IDIOOOT', 's', 't', 'u', 'p', 'i', 'd', 's t u p i d'])
    for (let i = 0; i < second.length; i++) {
      expect(second.buckets[i]).toBeLessThan(1 << 19)
      expect(second.owners[i] >> 1).toBeLessThan(second.pieces.length)
    }
    // A word with a toxic-word rate adds a feature of its own, credited to that word.
    const rated = extractFeatures('well, you idiot', SPACE, [])
    const owners = Array.from(rated.owners.subarray(0, rated.length))
    const values = Array.from(rated.values.subarray(0, rated.length))
    expect(owners.some((owner, i) => owner === 2 * 2 && values[i] > 1)).toBe(true)
    // Obfuscated spellings share features with the plain word.
    const plain = new Set(Array.from(extractFeatures('idiot', SPACE, []).buckets.subarray(0, 5)))
    const leet = extractFeatures('1d10t', SPACE, [])
    expect(Array.from(leet.buckets.subarray(0, leet.length)).some((bucket) => plain.has(bucket))).toBe(true)
  })
})

describe('evaluation math', () => {
  it('computes ROC-AUC with ties counted half', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1)
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0)
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5)
    // Positives at 0.35 and 0.8, negatives at 0.1 and 0.4: 3 of the 4 pairs are ordered right.
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75)
    expect(rocAuc([0.3, 0.3, 0.9], [0, 1, 1])).toBe(0.75)
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN()
  })

  it('computes precision and recall at thresholds, and AUC within a subgroup', () => {
    const scores = [0.95, 0.8, 0.6, 0.4, 0.2]
    const labels = [1, 0, 1, 1, 0]
    expect(precisionRecallAt(scores, labels, [0.5, 0.9, 0.99])).toEqual([
      { threshold: 0.5, precision: 2 / 3, recall: 2 / 3, flagged: 3 },
      { threshold: 0.9, precision: 1, recall: 1 / 3, flagged: 1 },
      { threshold: 0.99, precision: null, recall: 0, flagged: 0 }
    ])
    expect(subgroupAuc(scores, labels, [true, true, false, false, true])).toBe(1)
    const evaluation = evaluateScores(scores, [
      { text: 'I am gay and proud', label: 1 },
      { text: 'muslim neighbours', label: 0 },
      { text: 'no identity here', label: 1 },
      { text: 'nor here', label: 1 },
      { text: 'a jewish deli', label: 0 }
    ])
    expect(evaluation).toMatchObject({ count: 5, positives: 3, subgroupCount: 3, subgroupAuc: 1 })
    expect(evaluation.auc).toBeCloseTo(4 / 6)
  })

  it('computes character F1 between highlighted and gold spans', () => {
    expect(characterF1([], [])).toBe(1)
    expect(characterF1([{ start: 0, end: 4 }], [])).toBe(0)
    expect(characterF1([{ start: 0, end: 4 }], [{ start: 2, end: 6 }])).toBe(0.5)
  })
})
