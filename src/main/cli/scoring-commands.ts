// Scoring from the command line: run a scorer, list and configure them, retrain the local model, measure any.
import { join, resolve } from 'node:path'
import { type Command, Option } from 'commander'
import type { ModelLineage } from '../../shared/api/scoring'
import { ATTRIBUTES, type ScorerInfo } from '../../shared/model'
import { UserError } from '../engine/errors'
import { HELD_OUT_SETS, type HeldOutSet } from '../engine/scoring/evaluation-sets'
import { describeLearning } from '../engine/scoring/local/learn-from-decisions'
import type { RankBy } from '../engine/scoring/local/model/benchmarks'
import { commaList, positiveInt, positiveNumber, wholeNumber } from './arguments'
import { readSecret, ROOT, whileJobsRun, type CliContext } from './context'

export function registerScoringCommands(program: Command, cli: CliContext): void {
  program
    .command('score')
    .description('score every comment the scorer has not scored yet')
    .option('--scorer <name>', 'which scorer (see `sieve scorers`)', 'local')
    .action(async (options: { scorer: string }) => {
      const session = await cli.open()
      try {
        const result = await whileJobsRun(session, `scoring (${options.scorer})`, () => session.client.call('score', { scorer: options.scorer }))
        console.log(`Scored ${result.done} comments with ${options.scorer}.`)
      } finally {
        await session.close()
      }
    })

  program
    .command('scorers')
    .description('list the scorers, whether each can score now, and why not')
    .option('--json', 'print one JSON array (settings included; never a key)')
    .action(async (options: { json?: boolean }) => {
      const scorers = await cli.withClient((client) => client.call('scorers', {}))
      if (options.json) console.log(JSON.stringify(scorers, null, 2))
      else for (const scorer of scorers) console.log(describeScorer(scorer))
    })

  program
    .command('train')
    .description("retrain the local model on this newsroom's approve/remove decisions (kept only if it ranks no worse)")
    .option('--data-dir <dir>', 'train afresh on the labelled data sets in this folder plus the decisions (slower; default: fine-tune)')
    .action(async (options: { dataDir?: string }) => {
      const session = await cli.open()
      try {
        const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir)
        const report = await whileJobsRun(session, 'retraining', () => session.client.call('retrain', { dataDir }))
        console.log(describeLearning(report))
        if (report.saved) console.log(`Rescored ${report.rescored} comments with the new model.`)
      } finally {
        await session.close()
      }
    })

  program
    .command('model')
    .description("the local model's lineage: every retraining, the decisions it learned from, held-back ROC-AUC before and after, kept or not")
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      const lineage = await cli.withClient((client) => client.call('modelLineage', {}))
      if (options.json) console.log(JSON.stringify(lineage, null, 2))
      else console.log(describeLineage(lineage))
    })

  program
    .command('eval')
    .description('measure a scorer: ROC-AUC, precision and recall at the thresholds, identity-subgroup AUC')
    .option('--scorer <name>', 'which scorer', 'local')
    .option('--data <file>', 'an NDJSON file of {"text", "label"} (1 = should be removed, 0 = fine)')
    .addOption(new Option('--set <name>', 'a held-out split of the labelled data').choices(HELD_OUT_SETS).default('wiki'))
    .option('--data-dir <dir>', 'the labelled data sets (default: $SIEVE_DATA_DIR or ../shared/data)')
    .addOption(new Option('--rank-by <score>', 'which score ranks a comment (default: TOXICITY for the data sets, the strongest attribute for --data)').choices([...ATTRIBUTES, 'max']))
    .action(async (options: { scorer: string; data?: string; set: HeldOutSet; dataDir?: string; rankBy?: RankBy }) => {
      const dataDir = resolve(options.dataDir ?? process.env.SIEVE_DATA_DIR ?? join(ROOT, '..', 'shared', 'data'))
      const result = await cli.withClient((client) =>
        client.call('evaluate', {
          scorer: options.scorer,
          set: options.set,
          dataDir,
          data: options.data === undefined ? undefined : resolve(options.data),
          rankBy: options.rankBy
        })
      )
      console.log(`${result.scorer} (${result.modelVersion}) on ${options.data ?? result.on}, ranked by ${result.rankBy}:`)
      console.log(`  comments ${result.count}, should be removed ${result.positives}`)
      console.log(`  ROC-AUC ${result.auc.toFixed(3)}`)
      for (const { threshold, precision, recall, flagged } of result.precisionRecallAt) {
        const shown = precision === null ? 'n/a (nothing flagged)' : precision.toFixed(3)
        console.log(`  at ${threshold.toFixed(2)}: precision ${shown}, recall ${recall.toFixed(3)} (${flagged} flagged)`)
      }
      const subgroup = Number.isNaN(result.subgroupAuc) ? 'n/a (one class only)' : result.subgroupAuc.toFixed(3)
      console.log(`  identity subgroup (${result.subgroupCount} comments mentioning identity terms) ROC-AUC ${subgroup}`)
    })

  program
    .command('scorer')
    .description('configure a scorer')
    .command('set')
    .description(
      'change a scorer\'s settings and key. The key is read from standard input (--key-stdin), never from the command ' +
        'line, where other users could see it; or set SIEVE_SECRET_SCORER_<NAME>_KEY in the environment instead.'
    )
    .argument('<name>', 'perspective or openai')
    .option('--key-stdin', 'read the API key from standard input (e.g. `sieve scorer set perspective --key-stdin < key.txt`)')
    .option('--forget-key', 'delete the stored API key')
    .option('--endpoint <url>', 'openai: the base URL of an OpenAI-compatible server (default https://api.openai.com)')
    .option('--model <model>', 'openai: the moderation model (default omni-moderation-latest)')
    .option('--batch-size <n>', 'openai: comments per request (default 32)', positiveInt)
    .option('--qps <n>', 'requests per second at most (Perspective default 1)', positiveNumber)
    .option('--languages <codes>', 'perspective: the languages comments are in, comma-separated (default en)', commaList)
    .option('--attributes <names>', 'perspective: which attributes to ask for, comma-separated', commaList)
    .option('--max-attempts <n>', 'tries per request before giving up (default 5)', positiveInt)
    .option('--retry-base-ms <n>', 'the first wait before a retry, doubled each time (default 1000)', wholeNumber)
    .option('--timeout-ms <n>', 'how long one request may take before it counts as not answering and is retried (default 30000)', positiveInt)
    .action(async (name: string, options: ScorerSetOptions) => {
      if (options.keyStdin && options.forgetKey) throw new UserError('Use --key-stdin or --forget-key, not both.')
      if (options.endpoint && name !== 'openai') throw new UserError(`--endpoint is for openai; ${name} has a fixed endpoint.`)
      const settings = Object.fromEntries(
        Object.entries({
          baseUrl: options.endpoint,
          model: options.model,
          batchSize: options.batchSize,
          requestsPerSecond: options.qps,
          languages: options.languages,
          attributes: options.attributes?.map((attribute) => attribute.toUpperCase()),
          maxAttempts: options.maxAttempts,
          retryBaseMs: options.retryBaseMs,
          timeoutMs: options.timeoutMs
        }).filter(([, value]) => value !== undefined)
      )
      const key = options.keyStdin ? await readSecret('API key') : options.forgetKey ? null : undefined
      const scorer = await cli.withClient((client) => client.call('configureScorer', { name, settings, key }))
      console.log(describeScorer(scorer))
    })
}

function describeLineage({ entries, decisionsSince, retrainEvery }: ModelLineage): string {
  const auc = (value: number | null) => (value === null ? '  n/a' : value.toFixed(3))
  const rows = entries.map(
    (entry) =>
      `${entry.trainedAt.slice(0, 16).replace('T', ' ')}  ${entry.version.padEnd(20)} ${String(entry.decisions).padStart(9)}  ` +
      `${auc(entry.aucBefore)} → ${auc(entry.aucAfter)}  ${(entry.kept ? 'kept' : 'not kept').padEnd(8)}  ${entry.startedBy}`
  )
  return [
    entries.length
      ? `when              version              decisions  held-back AUC  model     started\n${rows.join('\n')}`
      : 'The local model has not been retrained on this newsroom\'s decisions yet.',
    `${decisionsSince} approvals and removals since the last retraining; the app retrains after every ${retrainEvery}.`
  ].join('\n')
}

function describeScorer(scorer: ScorerInfo): string {
  const where = scorer.remote ? 'cloud' : 'offline'
  return `${scorer.name.padEnd(12)} ${scorer.state.padEnd(12)} ${where.padEnd(8)} ${scorer.detail}`
}

interface ScorerSetOptions {
  keyStdin?: boolean
  forgetKey?: boolean
  endpoint?: string
  model?: string
  batchSize?: number
  qps?: number
  languages?: string[]
  attributes?: string[]
  maxAttempts?: number
  retryBaseMs?: number
  timeoutMs?: number
}
