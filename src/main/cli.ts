// The command line: operations and scripting over the same engine and database as the app.
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { parseWhere, type Filter } from '../shared/filter'
import { ACTIONS, QUEUES, type Action, type CommentRow, type QueueId, type QueuePage } from '../shared/model'
import { createEngine, type Engine } from './engine/engine'
import { UserError } from './engine/errors'
import { FILE_FORMATS, type FileFormat } from './engine/sources/files/import-file'
import { describeImport } from './engine/sources/describe-import'
import type { ImportReport } from './engine/sources/import-report'
import { defaultDbPath } from './paths'
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

function openEngine(moderator?: string): Engine {
  const dbPath = resolve(program.opts<{ db?: string }>().db ?? defaultDbPath())
  mkdirSync(dirname(dbPath), { recursive: true })
  return createEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator, printToPdf: chromiumPrinter })
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
  .option('--scorer <name>', 'which scorer', 'local')
  .action(async (options: { scorer: string }) => {
    const engine = openEngine()
    const result = await engine.score(options.scorer, progressLine(`scoring (${options.scorer})`))
    console.log(`Scored ${result.done} comments with ${options.scorer}.`)
    engine.close()
  })

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
    const engine = openEngine()
    if (options.demo && engine.isEmpty()) printImport(await engine.loadDemo())
    await engine.score('local')
    const server = await startHttpTransport({ handlers: engine.handlers, rendererDir: RENDERER_DIR, port: options.port })
    console.log(`Sieve is running in browser mode. Open ${server.openUrl}`)
    const stop = async () => {
      await server.close()
      engine.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })

function positiveInt(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number above 0')
  return number
}

program.parseAsync().catch((error: unknown) => {
  if (error instanceof UserError) {
    console.error(`sieve: ${error.message}`)
    process.exit(2)
  }
  console.error('sieve: failed:', error)
  process.exit(1)
})
