// The command line: operations and scripting over the same engine and database as the app.
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { parseWhere, type Filter } from '../shared/filter'
import { ACTIONS, ATTRIBUTES, QUEUES, type Action, type CommentRow, type QueueId, type QueuePage, type ScorerInfo } from '../shared/model'
import { createEngine, type Engine, type EngineOptions } from './engine/engine'
import { UserError } from './engine/errors'
import { FILE_FORMATS, type FileFormat } from './engine/sources/files/import-file'
import { describeImport } from './engine/sources/describe-import'
import { describePull } from './engine/sources/describe-pull'
import type { ImportReport } from './engine/sources/import-report'
import { defaultDbPath } from './paths'
import { checkBackup, restoreFrom } from './engine/store/backup'
import { storageError } from './engine/store/storage-errors'
import { HELD_OUT_SETS, heldOutSet, labelledFile, type HeldOutSet } from './engine/scoring/evaluation-sets'
import { describeLearning } from './engine/scoring/local/learn-from-decisions'
import { evaluateScorer, type RankBy } from './engine/scoring/local/model/benchmarks'
import { chromiumPrinter } from './pdf/chromium-printer'
import { auditCsv, auditText } from './engine/reports/audit'
import { STREAMED_FORMATS, type StreamedFormat } from './engine/reports/report'
import { REPORT_FORMATS, reportFilterSchema, type AuditTarget, type ReportFilter, type ReportFormat } from '../shared/reports'
import { startHttpTransport } from './transport/http'
import { inProcessClient } from './transport/in-process'

const ROOT = resolve(__dirname, '../..')
const RESOURCES_DIR = join(ROOT, 'resources')
const RENDERER_DIR = join(ROOT, 'out', 'renderer')

const program = new Command('sieve')
  .description('Sieve: comment moderation for newsrooms')
  .option('--db <file>', 'the database file (default: $SIEVE_DB or the app data directory)')
  .showHelpAfterError()

function dbPathOption(): string {
  return resolve(program.opts<{ db?: string }>().db ?? defaultDbPath())
}

function openEngine(moderator?: string, options: Partial<EngineOptions> = {}): Engine {
  const dbPath = dbPathOption()
  mkdirSync(dirname(dbPath), { recursive: true })
  return createEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator, printToPdf: chromiumPrinter, ...options })
}

function printImport(report: ImportReport): void {
  console.log(describeImport(report, Infinity))
}

/** A progress bar on a terminal (nothing when the output goes elsewhere). */
function progressLine<P = { done: number; total: number }>(
  label: string,
  read: (progress: P) => { done: number; total: number } = (progress) => progress as { done: number; total: number }
): (progress: P) => void {
  if (!process.stderr.isTTY) return () => {}
  return (progress) => {
    const { done, total } = read(progress)
    const width = 30
    const filled = total ? Math.round((done / total) * width) : width
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
    if (done >= total) process.stderr.write('\n')
  }
}

program
  .command('import')
  .description('import comments from a file: NDJSON, CSV, WordPress WXR or Disqus XML')
  .argument('<file>')
  .addOption(new Option('--format <format>', 'the file format (default: guessed from the file)').choices(FILE_FORMATS))
  .option('--map <columns>', 'CSV: which header holds which field, e.g. "id=comment_id,text=body,authorName=user"')
  .option('--source <name>', 'the source the comments belong to', 'Imported file')
  .action(async (file: string, options: { format?: FileFormat; map?: string; source: string }) => {
    const engine = openEngine()
    const report = await engine.importFile(file, {
      format: options.format,
      sourceName: options.source,
      csvMapping: options.map ? parseMapping(options.map) : undefined,
      onProgress: progressLine('importing', ({ bytesRead, totalBytes }) => ({ done: bytesRead, total: totalBytes }))
    })
    console.log(`Read ${report.format}${report.csvMapping ? ` with columns ${JSON.stringify(report.csvMapping)}` : ''}.`)
    printImport(report)
    engine.close()
    if (report.added + report.updated + report.unchanged === 0) process.exitCode = 1
  })

function parseMapping(text: string): Record<string, string> {
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [field, header] = pair.split('=').map((part) => part.trim())
      if (!field || header === undefined) throw new UserError(`--map: "${pair}" is not field=header`)
      return [field, header]
    })
  )
}

program
  .command('score')
  .description('score every comment the scorer has not scored yet')
  .option('--scorer <name>', 'which scorer (see `sieve scorers`)', 'local')
  .action(async (options: { scorer: string }) => {
    const engine = openEngine()
    try {
      const result = await engine.score(options.scorer, progressLine(`scoring (${options.scorer})`))
      console.log(`Scored ${result.done} comments with ${options.scorer}.`)
    } finally {
      engine.close()
    }
  })

program
  .command('scorers')
  .description('list the scorers, whether each can score now, and why not')
  .option('--json', 'print one JSON array (settings included; never a key)')
  .action(async (options: { json?: boolean }) => {
    const engine = openEngine()
    const scorers = await inProcessClient(engine.handlers).call('scorers', {})
    if (options.json) console.log(JSON.stringify(scorers, null, 2))
    else for (const scorer of scorers) console.log(describeScorer(scorer))
    engine.close()
  })

program
  .command('train')
  .description("retrain the local model on this newsroom's approve/remove decisions (kept only if it ranks no worse)")
  .option('--data-dir <dir>', 'train afresh on the labelled data sets in this folder plus the decisions (slower; default: fine-tune)')
  .action(async (options: { dataDir?: string }) => {
    const engine = openEngine()
    const report = await engine.learn(options.dataDir)
    console.log(describeLearning(report))
    if (report.saved) {
      const scored = await engine.score('local', progressLine('rescoring (local)'))
      console.log(`Rescored ${scored.done} comments with the new model.`)
    }
    engine.close()
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
    const examples = options.data ? labelledFile(options.data) : heldOutSet(dataDir, options.set)
    const rankBy = options.rankBy ?? (options.data ? 'max' : 'TOXICITY')
    const engine = openEngine()
    const scorer = engine.scorer(options.scorer)
    const result = await evaluateScorer(scorer, examples, rankBy)
    engine.close()
    console.log(`${options.scorer} (${scorer.modelVersion}) on ${options.data ?? `the ${options.set} held-out split`}, ranked by ${rankBy}:`)
    console.log(`  comments ${result.count}, should be removed ${result.positives}`)
    console.log(`  ROC-AUC ${result.auc.toFixed(3)}`)
    for (const { threshold, precision, recall, flagged } of result.precisionRecallAt) {
      const shown = precision === null ? 'n/a (nothing flagged)' : precision.toFixed(3)
      console.log(`  at ${threshold.toFixed(2)}: precision ${shown}, recall ${recall.toFixed(3)} (${flagged} flagged)`)
    }
    const subgroup = Number.isNaN(result.subgroupAuc) ? 'n/a (one class only)' : result.subgroupAuc.toFixed(3)
    console.log(`  identity subgroup (${result.subgroupCount} comments mentioning identity terms) ROC-AUC ${subgroup}`)
  })

function describeScorer(scorer: ScorerInfo): string {
  const where = scorer.remote ? 'cloud' : 'offline'
  return `${scorer.name.padEnd(12)} ${scorer.state.padEnd(12)} ${where.padEnd(8)} ${scorer.detail}`
}

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
    const engine = openEngine()
    try {
      const scorer = await inProcessClient(engine.handlers).call('configureScorer', { name, settings, key })
      console.log(describeScorer(scorer))
    } finally {
      engine.close()
    }
  })

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

/** A secret from standard input (never the command line, where `ps` shows it to every user). */
async function readSecret(what: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`${what} (then Enter, Ctrl-D): `)
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const secret = Buffer.concat(chunks).toString('utf8').trim()
  if (!secret) throw new UserError(`No ${what.toLowerCase()} on standard input.`)
  return secret
}

const WHERE_HELP =
  'a filter: comma-separated clauses such as "queue=review,score<0.05", "toxicity>=0.9,reports>0", ' +
  '"article=a1,search=affidavit" (keys: queue search article author source since until score <attribute> reports)'

/** The filter a command names with --where and/or --queue (--queue wins over a queue inside --where). */
function filterFrom(options: { where?: string; queue?: QueueId }): Filter {
  let filter: Filter
  try {
    filter = parseWhere(options.where ?? '')
  } catch (error) {
    throw new UserError(`--where: ${(error as Error).message}`)
  }
  return options.queue ? { ...filter, queue: options.queue } : filter
}

program
  .command('list')
  .description('list a queue, worst first')
  .addOption(new Option('--queue <queue>', 'which queue (default: review)').choices(QUEUES))
  .option('--where <filter>', WHERE_HELP)
  .option('--limit <n>', 'at most this many', positiveInt, 50)
  .option('--json', 'print one JSON array')
  .action(async (options: { queue?: QueueId; where?: string; limit: number; json?: boolean }) => {
    const filter = filterFrom(options)
    const engine = openEngine()
    const rows: CommentRow[] = []
    let after: string | null = null
    do {
      const page: QueuePage = await inProcessClient(engine.handlers).call('queuePage', {
        filter,
        after,
        limit: Math.min(500, options.limit - rows.length)
      })
      rows.push(...page.rows)
      after = page.next
    } while (after && rows.length < options.limit)
    if (options.json) {
      const items = rows.map(({ id, text, status, reason, scores, priority, authorName, articleTitle, createdAt, reports }) => ({
        id, text, status, reason, scores, priority, author: authorName, article: articleTitle, createdAt, reports
      }))
      console.log(JSON.stringify(items, null, 2))
    } else {
      for (const row of rows) {
        const excerpt = row.text.replace(/\s+/g, ' ').slice(0, 90)
        console.log(`${row.priority.toFixed(2)}  ${row.status.padEnd(8)}  ${row.id.padEnd(12)}  ${excerpt}`)
      }
    }
    engine.close()
  })

program
  .command('act')
  .description('approve, remove, disable or enable comments by id, or every comment a filter matches')
  .argument('<action>', ACTIONS.join('|'), (value: string) => {
    if (!(ACTIONS as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${ACTIONS.join(', ')}`)
    return value as Action
  })
  .argument('[ids...]')
  .option('--where <filter>', `instead of ids, ${WHERE_HELP}`)
  .option('--dry-run', 'with --where: only say how many comments it matches')
  .option('--reason <code>', 'the Terms-of-Use clause (required for remove)')
  .option('--note <text>', 'a note kept with the decision')
  .option('--moderator <name>', 'who is deciding (default: the logged-in user)')
  .action(async (action: Action, ids: string[], options: { where?: string; dryRun?: boolean; reason?: string; note?: string; moderator?: string }) => {
    if ((ids.length > 0) === (options.where !== undefined)) throw new UserError('Name the comments either by id or with --where, not both.')
    const engine = openEngine(options.moderator)
    const decision = { clause: options.reason, note: options.note }
    if (options.where !== undefined) {
      const filter = filterFrom(options)
      const client = inProcessClient(engine.handlers)
      const matching = await client.call('count', { filter })
      if (options.dryRun) {
        console.log(`${matching} comments match; nothing was changed.`)
      } else {
        const result = await client.call('decide', { filter, action, ...decision })
        console.log(`${action}: ${result.changed} of ${matching} matching comments changed (one batch: one undo).`)
      }
    } else {
      const result = engine.decideByIds(ids, action, decision)
      console.log(`${action}: ${result.changed} of ${ids.length} comments changed.`)
    }
    engine.close()
  })

program
  .command('export')
  .description('export the decision log')
  .addOption(new Option('--format <format>', 'file format').choices(['csv', 'json']).default('csv'))
  .option('--out <file>', 'write here instead of standard output')
  .action(async (options: { format: 'csv' | 'json'; out?: string }) => {
    const engine = openEngine()
    const out = options.out ? createWriteStream(options.out) : process.stdout
    await engine.writeDecisionLog(options.format, out)
    if (out !== process.stdout) await new Promise<void>((done) => out.end(() => done()))
    engine.close()
  })

program
  .command('backup')
  .description('copy the database, consistently, while Sieve may be running')
  .requiredOption('--out <file>', 'the backup file (never overwritten)')
  .action(async (options: { out: string }) => {
    const engine = openEngine()
    try {
      await engine.backup(resolve(options.out))
    } finally {
      engine.close()
    }
    const { comments, decisions } = checkBackup(resolve(options.out))
    console.log(`Backed up ${comments} comments and ${decisions} decisions to ${options.out}.`)
  })

program
  .command('restore')
  .description('replace the database with a backup (checked first; the replaced database is kept); close Sieve first')
  .requiredOption('--from <file>', 'the backup to restore')
  .action((options: { from: string }) => {
    const { comments, decisions } = checkBackup(resolve(options.from))
    const kept = restoreFrom(resolve(options.from), dbPathOption(), new Date())
    console.log(`Restored ${comments} comments and ${decisions} decisions from ${options.from}; the database it replaced is kept as ${kept}.`)
  })

program
  .command('report')
  .description('a moderation report for a period: summary (html, pdf), decision log (csv, json), statements of reasons (sor, notices)')
  .requiredOption('--from <date>', 'the first day, YYYY-MM-DD (UTC)')
  .requiredOption('--to <date>', 'the last day, YYYY-MM-DD (UTC), included')
  .option('--source <name>', 'only comments from this source')
  .option('--moderator <name>', 'only decisions by this moderator')
  .option('--article <id>', 'only comments on this article (its id on the platform)')
  .addOption(new Option('--format <format>', 'what to write').choices(REPORT_FORMATS).makeOptionMandatory())
  .requiredOption('--out <file>', 'the file to write')
  .action(async (options: { from: string; to: string; source?: string; moderator?: string; article?: string; format: ReportFormat; out: string }) => {
    const filter = reportFilter(options)
    const engine = openEngine()
    try {
      if (isStreamed(options.format)) {
        // Streamed: a long period's log or statements never sit in memory whole.
        const out = createWriteStream(options.out)
        try {
          const description = await engine.writeReport(filter, options.format, out)
          await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())))
          console.log(`${description} Wrote ${options.out}.`)
        } catch (error) {
          // A refused export (statements that would be rejected) leaves no half-made file behind.
          out.destroy()
          rmSync(options.out, { force: true })
          throw error
        }
      } else {
        const file = await engine.report(filter, options.format)
        writeFileSync(options.out, file.content)
        console.log(`${file.description} Wrote ${options.out}.`)
      }
    } finally {
      engine.close()
    }
  })

const isStreamed = (format: ReportFormat): format is StreamedFormat => (STREAMED_FORMATS as readonly string[]).includes(format)

function reportFilter(options: { from: string; to: string; source?: string; moderator?: string; article?: string }): ReportFilter {
  const parsed = reportFilterSchema.safeParse({ from: options.from, to: options.to, source: options.source, moderator: options.moderator, article: options.article })
  if (!parsed.success) throw new UserError(parsed.error.issues.map((issue) => `--${issue.path.join('.') || 'from/--to'}: ${issue.message}`).join('; '))
  return parsed.data
}

program
  .command('audit')
  .description('the audit trail of one comment or one author: every decision, by whom, when, clause and note')
  .option('--comment <id>', 'the comment (its id on the platform)')
  .option('--author <id>', 'the author (their id on the platform)')
  .addOption(new Option('--format <format>', 'how to print it').choices(['text', 'csv', 'json']).default('text'))
  .option('--out <file>', 'write here instead of standard output')
  .action((options: { comment?: string; author?: string; format: 'text' | 'csv' | 'json'; out?: string }) => {
    if ((options.comment === undefined) === (options.author === undefined)) throw new UserError('Name either --comment or --author.')
    const target: AuditTarget = options.comment !== undefined ? { comment: options.comment } : { author: options.author! }
    const engine = openEngine()
    try {
      const entries = engine.auditTrail(target)
      const text = options.format === 'csv' ? auditCsv(entries) : options.format === 'json' ? JSON.stringify(entries, null, 2) + '\n' : auditText(entries)
      if (options.out) writeFileSync(options.out, text)
      else process.stdout.write(text)
    } finally {
      engine.close()
    }
  })

program
  .command('serve')
  .description('browser mode: serve the app on 127.0.0.1')
  .option('--port <n>', 'the port (default: any free one)', positiveInt)
  .option('--demo', 'load the demo queue into an empty database')
  .action(async (options: { port?: number; demo?: boolean }) => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new UserError('The app is not built yet: run `npm run build` first (npm start does it for you).')
    }
    // Decisions reach their platforms in the background, as in the desktop app.
    const engine = openEngine(undefined, { autoSync: true })
    await engine.dailyBackup()
    if (options.demo && engine.isEmpty()) printImport(await engine.loadDemo())
    await engine.score('local')
    const server = await startHttpTransport({ handlers: engine.handlers, rendererDir: RENDERER_DIR, port: options.port })
    console.log(`Sieve is running in browser mode. Open ${server.openUrl}`)
    const stop = async () => {
      await server.close()
      await engine.shutdown()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })

function positiveNumber(value: string): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('expected a number above 0')
  return number
}

function wholeNumber(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('expected a whole number')
  return number
}

function commaList(value: string): string[] {
  return value.split(',').map((part) => part.trim()).filter(Boolean)
}

const source = program.command('source').description('platform sources: WordPress sites Sieve pulls from and pushes decisions to')

source
  .command('add')
  .description('add (or change) a WordPress site; the application password goes to the secret store, never the database')
  .argument('<kind>', 'wordpress', (value: string) => {
    if (value !== 'wordpress') throw new InvalidArgumentError('only "wordpress" for now')
    return value as 'wordpress'
  })
  .requiredOption('--name <name>', 'what Sieve calls the source')
  .requiredOption('--url <url>', "the site's address, e.g. https://news.example")
  .requiredOption('--user <user>', 'the WordPress user (an editor or administrator)')
  .option('--password <password>', 'the application password (or --password-stdin, or $SIEVE_WP_PASSWORD)')
  .option('--password-stdin', 'read the application password from standard input')
  .option('--approved-days <n>', 'pull approved comments this many days back', positiveInt)
  .action(async (kind: 'wordpress', options: { name: string; url: string; user: string; password?: string; passwordStdin?: boolean; approvedDays?: number }) => {
    const password = options.passwordStdin ? await readSecret('Application password') : (options.password ?? process.env.SIEVE_WP_PASSWORD)
    if (!password) throw new UserError('Give the application password with --password, --password-stdin or $SIEVE_WP_PASSWORD.')
    const engine = openEngine()
    engine.addSource({ kind, name: options.name, url: options.url, user: options.user, password, approvedWindowDays: options.approvedDays })
    console.log(`Source "${options.name}" saved (${options.url} as ${options.user}); its password is in the secret store.`)
    const test = await engine.testSource(options.name)
    console.log(test.ok ? test.message : `Connection test failed (${test.kind}): ${test.message}`)
    engine.close()
    if (!test.ok) process.exitCode = 1
  })

source
  .command('list')
  .description('list the platform sources with their sync counts')
  .option('--json', 'print one JSON array')
  .action((options: { json?: boolean }) => {
    const engine = openEngine()
    const sources = engine.listSources()
    if (options.json) console.log(JSON.stringify(sources, null, 2))
    else if (sources.length === 0) console.log('No platform sources yet: add one with `source add wordpress`.')
    else
      for (const s of sources) {
        console.log(
          `${s.name}  ${s.kind}  ${s.url}  as ${s.user}${s.hasPassword ? '' : ' (password missing)'}  ` +
            `${s.comments} comments, ${s.pending} pending, ${s.failed} failed, ${s.conflicts} conflicts, ` +
            `last pulled ${s.lastPulledAt ?? 'never'}`
        )
      }
    engine.close()
  })

source
  .command('remove')
  .description("forget a source's connection and password (its comments and decisions stay)")
  .argument('<name>')
  .action((name: string) => {
    const engine = openEngine()
    const { comments, unpushed } = engine.removeSource(name)
    console.log(`Source "${name}" removed; ${comments} comments stay in the database${unpushed ? `; ${unpushed} decisions were never pushed` : ''}.`)
    engine.close()
  })

source
  .command('test')
  .description("try a source's connection and say what fails")
  .argument('<name>')
  .action(async (name: string) => {
    const engine = openEngine()
    const test = await engine.testSource(name)
    console.log(test.ok ? test.message : `Connection test failed (${test.kind}): ${test.message}`)
    engine.close()
    if (!test.ok) process.exitCode = 1
  })

program
  .command('pull')
  .description('pull held and recent comments from platform sources (incremental, resumable)')
  .option('--source <name>', 'only this source')
  .option('--full', 'list everything again, not only what is newer than the last pull')
  .action(async (options: { source?: string; full?: boolean }) => {
    const engine = openEngine()
    const controller = new AbortController()
    process.once('SIGINT', () => controller.abort())
    const bar = progressLine('pulling')
    const results = await engine.pull(options.source, { full: options.full, signal: controller.signal, onProgress: (done, total) => bar({ done, total }) })
    for (const { source: name, report } of results) console.log(describePull(name, report))
    engine.close()
  })

program
  .command('sync')
  .description('push every waiting decision to its platform now, and say what succeeded and failed')
  .option('--retry-failed', 'also retry the decisions the platform refused before')
  .option('--wait <seconds>', 'keep retrying transient failures (network, 429, 5xx) for this long', wholeNumber, 60)
  .action(async (options: { retryFailed?: boolean; wait: number }) => {
    const engine = openEngine()
    if (options.retryFailed) engine.retryFailed()
    const report = await engine.syncUntilSettled(options.wait * 1000)
    if (report.note) console.log(report.note)
    console.log(`Synced ${report.synced}; failed ${report.failed}; conflicts ${report.conflicts}; retrying later ${report.retrying}.`)
    for (const problem of report.problems) console.log(`${problem.state.padEnd(8)}  ${problem.source}  ${problem.id}  ${problem.error}`)
    await engine.shutdown()
    if (report.failed + report.conflicts + report.retrying > 0) process.exitCode = 1
  })

const article = program.command('article').description('articles (posts) on a platform')

article
  .command('close')
  .description('close an article to new comments, on the site (WordPress: comment_status closed) and here')
  .argument('<id>', "the article's id on its platform (a WordPress post id)")
  .option('--source <name>', 'when several sources have an article with that id')
  .action(async (id: string, options: { source?: string }) => {
    const engine = openEngine()
    const closed = await engine.closeArticle(id, options.source)
    console.log(`Closed "${closed.title ?? id}" (${closed.source}) to new comments.`)
    engine.close()
  })

function positiveInt(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number above 0')
  return number
}

program.parseAsync().catch((error: unknown) => {
  const meant = error instanceof UserError ? error : storageError(error)
  if (meant) {
    console.error(`sieve: ${meant.message}`)
    process.exit(2)
  }
  console.error('sieve: failed:', error)
  process.exit(1)
})
