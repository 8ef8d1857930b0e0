// The command line: operations and scripting over the same engine and database as the app.
import { createWriteStream, existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { ACTIONS, QUEUES, type Action, type CommentRow, type QueueId } from '../shared/model'
import { createEngine, type Engine } from './engine/engine'
import { UserError } from './engine/errors'
import type { ImportReport } from './engine/sources/import-report'
import { defaultDbPath } from './paths'
import { startHttpTransport } from './transport/http'

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
  return createEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator })
}

function printImport(report: ImportReport): void {
  const landed = report.added + report.updated + report.unchanged
  console.log(`${landed} comments landed: ${report.added} new, ${report.updated} updated, ${report.unchanged} unchanged.`)
  for (const { line, reason } of report.rejected) console.log(`line ${line}: rejected: ${reason}`)
  if (report.rejected.length) console.log(`${report.rejected.length} lines rejected.`)
}

function progressLine(label: string): (progress: { done: number; total: number }) => void {
  if (!process.stderr.isTTY) return () => {}
  return ({ done, total }) => {
    const width = 30
    const filled = total ? Math.round((done / total) * width) : width
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
    if (done >= total) process.stderr.write('\n')
  }
}

program
  .command('import')
  .description('import comments from an NDJSON interchange file')
  .argument('<file>')
  .option('--source <name>', 'the source the comments belong to', 'Imported file')
  .action(async (file: string, options: { source: string }) => {
    if (!existsSync(file)) throw new UserError(`No such file: ${file}`)
    const engine = openEngine()
    const report = await engine.importNdjson(file, options.source)
    printImport(report)
    engine.close()
    if (report.added + report.updated + report.unchanged === 0) process.exitCode = 1
  })

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

program
  .command('list')
  .description('list a queue, worst first')
  .addOption(new Option('--queue <queue>', 'which queue').choices(QUEUES).default('review'))
  .option('--limit <n>', 'at most this many', positiveInt, 50)
  .option('--json', 'print one JSON array')
  .action(async (options: { queue: QueueId; limit: number; json?: boolean }) => {
    const engine = openEngine()
    const rows: CommentRow[] = []
    let after: string | null = null
    do {
      const page = await engine.handlers.queuePage({
        queue: options.queue,
        sort: 'priority',
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
  .description('approve, remove, disable or enable comments by id')
  .argument('<action>', ACTIONS.join('|'), (value: string) => {
    if (!(ACTIONS as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${ACTIONS.join(', ')}`)
    return value as Action
  })
  .argument('<ids...>')
  .option('--reason <code>', 'the Terms-of-Use clause (required for remove)')
  .option('--note <text>', 'a note kept with the decision')
  .option('--moderator <name>', 'who is deciding (default: the logged-in user)')
  .action(async (action: Action, ids: string[], options: { reason?: string; note?: string; moderator?: string }) => {
    const engine = openEngine(options.moderator)
    const result = engine.decideByIds(ids, action, { clause: options.reason, note: options.note })
    console.log(`${action}: ${result.changed} of ${ids.length} comments changed.`)
    engine.close()
  })

program
  .command('export')
  .description('export the decision log')
  .addOption(new Option('--format <format>', 'file format').choices(['csv', 'json']).default('csv'))
  .option('--out <file>', 'write here instead of standard output')
  .action(async (options: { format: 'csv' | 'json'; out?: string }) => {
    const engine = openEngine()
    await engine.writeDecisionLog(options.format, options.out ? createWriteStream(options.out) : process.stdout)
    engine.close()
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
