// Trains Sieve's local model from the labelled data sets, writes resources/model/local-model.bin and prints
// how well it does on the held-out splits (and the demo queue), how fast it scores and how big it is.
//
//   npx tsx scripts/train-local-model.ts [--data ../shared/data] [--out resources/model/local-model.bin]
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { createLexiconScorer } from '../src/main/engine/scoring/local/lexicon-scorer'
import { evaluateScorer, evaluateSpans, scoreAll, type RankBy } from '../src/main/engine/scoring/local/model/benchmarks'
import { loadCorpus } from '../src/main/engine/scoring/local/model/data/corpus'
import { readLabelledNdjson } from '../src/main/engine/scoring/local/model/data/ndjson'
import { evaluate, type Evaluation } from '../src/main/engine/scoring/local/model/evaluate'
import type { LabelledText } from '../src/main/engine/scoring/local/model/linear-model'
import { EVIDENCE_SIZE, evidenceTable } from '../src/main/engine/scoring/local/model/evidence'
import { extractFeatures, FeatureBuffer } from '../src/main/engine/scoring/local/model/features'
import { loadCompiled, saveModel, type StoredModel } from '../src/main/engine/scoring/local/model/model-file'
import { probabilitiesOf } from '../src/main/engine/scoring/local/model/predict'
import { createModelScorer } from '../src/main/engine/scoring/local/model/model-scorer'
import { trainModel } from '../src/main/engine/scoring/local/model/train'
import type { Scorer } from '../src/main/engine/scoring/scorer'

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(__dirname, '../../shared/data') },
    out: { type: 'string', default: resolve(__dirname, '../resources/model/local-model.bin') },
    demo: { type: 'string', default: resolve(__dirname, '../resources/demo/comments.ndjson') }
  }
})
const dataDir = resolve(args.data)
if (!existsSync(dataDir)) {
  console.error(`No data at ${dataDir}: pass --data <folder with the four data sets>.`)
  process.exit(1)
}

const f = (value: number | null): string => (value === null || Number.isNaN(value) ? '  -  ' : value.toFixed(3))

function report(name: string, evaluation: Evaluation): void {
  const pr = evaluation.precisionRecallAt.map((at) => `P/R@${at.threshold} ${f(at.precision)}/${f(at.recall)}`).join('  ')
  const subgroup = evaluation.subgroupCount > 0 ? `  identity-subgroup AUC ${f(evaluation.subgroupAuc)} (n=${evaluation.subgroupCount})` : ''
  console.log(`  ${name.padEnd(34)} AUC ${f(evaluation.auc)} (n=${evaluation.count}, ${evaluation.positives} positive)${subgroup}\n  ${''.padEnd(34)} ${pr}`)
}

async function evaluateBoth(name: string, scorers: [string, Scorer][], examples: readonly LabelledText[], pick: RankBy): Promise<void> {
  for (const [scorerName, scorer] of scorers) report(`${name}, ${scorerName}, ${pick}`, await evaluateScorer(scorer, examples, pick))
}

/** The model's own share of the work: comments per second for features and weights, lexicon verdicts given. */
async function modelSpeed(model: StoredModel, texts: readonly string[], rounds: number): Promise<number> {
  const evidence = await evidenceTable(texts)
  const buffer = new FeatureBuffer()
  const out = new Float64Array(model.attributes.length)
  const pass = (): void => {
    texts.forEach((text, i) => probabilitiesOf(model, extractFeatures(text, model, evidence.subarray(i * EVIDENCE_SIZE, (i + 1) * EVIDENCE_SIZE), buffer), out))
  }
  pass()
  const started = performance.now()
  for (let round = 0; round < rounds; round++) pass()
  return (rounds * texts.length) / ((performance.now() - started) / 1000)
}

/** Comments per second over `rounds` passes of `texts`, after one warm-up pass. */
async function speed(scorer: Scorer, texts: readonly string[], rounds: number): Promise<number> {
  await scoreAll(scorer, texts)
  const started = performance.now()
  for (let round = 0; round < rounds; round++) await scoreAll(scorer, texts)
  return (rounds * texts.length) / ((performance.now() - started) / 1000)
}

async function main(): Promise<void> {
  let started = performance.now()
  const corpus = loadCorpus(dataDir)
  console.log(`Read ${corpus.training.length} training examples in ${((performance.now() - started) / 1000).toFixed(1)} s.`)

  started = performance.now()
  const trained = await trainModel(corpus.training, {
    wordRates: corpus.wordRates,
    onEpoch: (epoch, loss) => console.log(`  epoch ${epoch + 1}: weighted log-loss ${loss.toFixed(4)}`)
  })
  const trainingSeconds = (performance.now() - started) / 1000
  trained.info = {
    ...trained.info,
    trainedOn: 'wiki (rev_id % 10 >= 3), davidson, toxic-spans (9/10), identity templates (held-in identities), fox news (6 of 10 threads)'
  }
  const model = saveModel(trained, args.out)
  console.log(`Trained in ${trainingSeconds.toFixed(1)} s; wrote ${args.out} (${(statSync(args.out).size / 1e6).toFixed(2)} MB), version ${model.version}.`)

  const loads: number[] = []
  for (let i = 0; i < 5; i++) {
    const at = performance.now()
    createModelScorer(args.out)
    loads.push(performance.now() - at)
  }
  console.log(`The scorer loads it in ${loads.sort((x, y) => x - y)[2].toFixed(1)} ms (median of 5).`)

  const scorer = createModelScorer(args.out)
  const lexicon = createLexiconScorer()
  const both: [string, Scorer][] = [
    ['scorer', scorer],
    ['lexicon', lexicon]
  ]
  console.log('\nHeld-out evaluation (never trained on):')
  report('wiki held-out, model alone, TOXICITY', await evaluate(model, corpus.wikiHeldOut))
  await evaluateBoth('wiki held-out', both, corpus.wikiHeldOut, 'TOXICITY')
  await evaluateBoth('wiki held-out', both, corpus.wikiHeldOut, 'max')
  report('templates en (held-out identities)', await evaluateScorer(scorer, corpus.templatesHeldOut.en))
  report('templates hi-Latn (held-out ids.)', await evaluateScorer(scorer, corpus.templatesHeldOut['hi-Latn']))
  // Real news comments from threads never trained on, and our own Hinglish dev set (dev-sets/README.md).
  await evaluateBoth('fox held-out threads', both, corpus.foxHeldOut, 'TOXICITY')
  await evaluateBoth('fox held-out threads', both, corpus.foxHeldOut, 'max')
  const hinglish = resolve(__dirname, '../dev-sets/hinglish-news.ndjson')
  if (existsSync(hinglish)) {
    await evaluateBoth('hinglish-news (self-written)', both, readLabelledNdjson(hinglish), 'TOXICITY')
    await evaluateBoth('hinglish-news (self-written)', both, readLabelledNdjson(hinglish), 'max')
  }
  for (const [name, candidate] of both) {
    const spans = await evaluateSpans(candidate, corpus.spansHeldOut)
    const aucs = Object.entries(spans.auc)
      .map(([attribute, auc]) => `${attribute} ${f(auc)}`)
      .join(', ')
    console.log(`  toxic-spans held-out, ${name}: span F1 ${f(spans.f1)} over ${spans.posts} toxic posts; AUC ${aucs}`)
  }
  if (existsSync(args.demo)) {
    const demo = readLabelledNdjson(args.demo)
    console.log('\nDemo queue (resources/demo, label 1 = remove):')
    await evaluateBoth('demo', both, demo, 'max')
    await evaluateBoth('demo', both, demo, 'TOXICITY')
    const texts = demo.map((example) => example.text)
    const wikiTexts = corpus.wikiHeldOut.map((example) => example.text)
    console.log('\nSpeed (one core):')
    const stored = loadCompiled(args.out)
    for (const [name, sample, rounds] of [
      ['demo', texts, 40],
      ['wiki', wikiTexts, 10]
    ] as const) {
      const chars = Math.round(sample.join('').length / sample.length)
      const all = Math.round(await speed(scorer, sample, rounds))
      const alone = Math.round(await speed(lexicon, sample, rounds))
      const own = Math.round(await modelSpeed(stored, sample, rounds))
      console.log(`  ${name} comments (avg ${chars} chars): scorer ${all}/s; lexicon alone ${alone}/s; model's own part alone ${own}/s`)
    }
  }
}

void main()
