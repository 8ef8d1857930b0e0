// The queues from the command line: import comments, list a queue, decide by id or by filter.
import { resolve } from 'node:path'
import { type Command, InvalidArgumentError, Option } from 'commander'
import { parseWhere, type Filter } from '../../shared/filter'
import { FILE_FORMATS, type FileFormat } from '../../shared/api'
import { ACTIONS, QUEUES, type Action, type CommentRow, type QueueId, type QueuePage } from '../../shared/model'
import { UserError } from '../engine/errors'
import { describeImport } from '../engine/sources/describe-import'
import { positiveInt } from './arguments'
import { whileJobsRun, type CliContext } from './context'

export function registerQueueCommands(program: Command, cli: CliContext): void {
  program
    .command('import')
    .description('import comments from a file: NDJSON, CSV, WordPress WXR or Disqus XML')
    .argument('<file>')
    .addOption(new Option('--format <format>', 'the file format (default: guessed from the file)').choices(FILE_FORMATS))
    .option('--map <columns>', 'CSV: which header holds which field, e.g. "id=comment_id,text=body,authorName=user"')
    .option('--source <name>', 'the source the comments belong to', 'Imported file')
    .action(async (file: string, options: { format?: FileFormat; map?: string; source: string }) => {
      const session = await cli.open()
      try {
        const report = await whileJobsRun(session, 'importing', () =>
          session.client.call('importFile', {
            path: resolve(file),
            format: options.format,
            source: options.source,
            csvMapping: options.map ? parseMapping(options.map) : undefined
          })
        )
        console.log(`Read ${report.format}${report.csvMapping ? ` with columns ${JSON.stringify(report.csvMapping)}` : ''}.`)
        console.log(describeImport(report, Infinity))
        if (report.added + report.updated + report.unchanged === 0) process.exitCode = 1
      } finally {
        await session.close()
      }
    })

  program
    .command('list')
    .description('list a queue, worst first')
    .addOption(new Option('--queue <queue>', 'which queue (default: review)').choices(QUEUES))
    .option('--where <filter>', WHERE_HELP)
    .option('--limit <n>', 'at most this many', positiveInt, 50)
    .option('--json', 'print one JSON array')
    .action(async (options: { queue?: QueueId; where?: string; limit: number; json?: boolean }) => {
      const filter = filterFrom(options)
      await cli.withClient(async (client) => {
        const rows: CommentRow[] = []
        let after: string | null = null
        do {
          const page: QueuePage = await client.call('queuePage', { filter, after, limit: Math.min(500, options.limit - rows.length) })
          rows.push(...page.rows)
          after = page.next
        } while (after && rows.length < options.limit)
        if (options.json) {
          const items = []
          for (const { key, id, text, textTruncated, status, clause, scores, priority, authorName, articleTitle, createdAt, reports, platformStatus, sync } of rows) {
            // A page row carries an excerpt; a script gets the whole comment.
            const whole = textTruncated ? (await client.call('commentDetail', { key })).comment.text : text
            items.push({ id, text: whole, status, clause, scores, priority, author: authorName, article: articleTitle, createdAt, reports, platformStatus, sync })
          }
          console.log(JSON.stringify(items, null, 2))
        } else {
          // Conflicts show Sieve's decision beside what the site shows now.
          const sideBySide = filter.queue === 'conflicts' || filter.sync === 'conflict'
          for (const row of rows) {
            const excerpt = row.text.replace(/\s+/g, ' ').slice(0, 90)
            const state = sideBySide ? `${`${row.status}${row.clause ? ` · ${row.clause}` : ''}`.padEnd(22)}  site: ${(row.platformStatus ?? '').padEnd(8)}` : row.status.padEnd(8)
            console.log(`${row.priority.toFixed(2)}  ${state}  ${row.id.padEnd(12)}  ${excerpt}`)
          }
        }
      })
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
    .option('--clause <code>', 'the Terms-of-Use clause (required for remove)')
    .addOption(new Option('--reason <code>', 'the older name of --clause').hideHelp())
    .option('--note <text>', 'a note kept with the decision')
    .option('--moderator <name>', 'who is deciding (default: the logged-in user)')
    .action(async (action: Action, ids: string[], options: { where?: string; dryRun?: boolean; clause?: string; reason?: string; note?: string; moderator?: string }) => {
      if ((ids.length > 0) === (options.where !== undefined)) throw new UserError('Name the comments either by id or with --where, not both.')
      const decision = { clause: options.clause ?? options.reason, note: options.note }
      await cli.withClient(async (client) => {
        if (options.where !== undefined) {
          const filter = filterFrom(options)
          const matching = await client.call('count', { filter })
          if (options.dryRun) {
            console.log(`${matching} comments match; nothing was changed.`)
          } else {
            const result = await client.call('decide', { filter, action, ...decision })
            console.log(`${action}: ${result.changed} of ${matching} matching comments changed (one batch: one undo).`)
          }
        } else {
          const keys = await client.call('findComments', { ids })
          const result = await client.call('decide', { keys, action, ...decision })
          console.log(`${action}: ${result.changed} of ${ids.length} comments changed.`)
        }
      }, options.moderator)
    })
}

function parseMapping(text: string): Record<string, string> {
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [field, header] = pair.split('=').map((part) => part.trim())
      if (!field || header === undefined) throw new UserError(`--map: "${pair}" is not field=header`)
      return [field, header]
    })
  )
}

const WHERE_HELP =
  'a filter: comma-separated clauses such as "queue=review,score<0.05", "toxicity>=0.9,reports>0", ' +
  '"article=a1,search=affidavit" (keys: queue search article author source since until words sync score <attribute> reports)'

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
