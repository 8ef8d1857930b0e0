// Platforms from the command line: WordPress sources, pulling, pushing decisions, closing articles.
import { type Command, InvalidArgumentError } from 'commander'
import { positiveInt, wholeNumber } from './arguments'
import type { SyncWait } from '../../shared/api/sources'
import { readSecret, whileJobsRun, type CliContext } from './context'

export function registerPlatformCommands(program: Command, cli: CliContext): void {
  const source = program.command('source').description('platform sources: WordPress sites Sieve pulls from and pushes decisions to')

  source
    .command('add')
    .description('add (or change) a WordPress site; the application password goes to the secret store, never the database (a change that keeps the site may leave it out)')
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
      // Without a password, a source that stays at its site keeps the one stored; any other asks for it.
      const password = options.passwordStdin ? await readSecret('Application password') : (options.password ?? process.env.SIEVE_WP_PASSWORD) || undefined
      const test = await cli.withClient(async (client) => {
        await client.call('addSource', { kind, name: options.name, url: options.url, user: options.user, password, approvedWindowDays: options.approvedDays })
        console.log(`Source "${options.name}" saved (${options.url} as ${options.user}); its password is in the secret store.`)
        return client.call('testSource', { name: options.name })
      })
      console.log(test.ok ? test.message : `Connection test failed (${test.kind}): ${test.message}`)
      if (!test.ok) process.exitCode = 1
    })

  source
    .command('list')
    .description('list the platform sources with their sync counts')
    .option('--json', 'print one JSON array')
    .action(async (options: { json?: boolean }) => {
      const sources = await cli.withClient((client) => client.call('sources', {}))
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
    })

  source
    .command('remove')
    .description("forget a source's connection and password (its comments and decisions stay)")
    .argument('<name>')
    .action(async (name: string) => {
      const { comments, unpushed } = await cli.withClient((client) => client.call('removeSource', { name }))
      console.log(`Source "${name}" removed; ${comments} comments stay in the database${unpushed ? `; ${unpushed} decisions were never pushed` : ''}.`)
    })

  source
    .command('test')
    .description("try a source's connection and say what fails")
    .argument('<name>')
    .action(async (name: string) => {
      const test = await cli.withClient((client) => client.call('testSource', { name }))
      console.log(test.ok ? test.message : `Connection test failed (${test.kind}): ${test.message}`)
      if (!test.ok) process.exitCode = 1
    })

  program
    .command('pull')
    .description('pull held and recent comments from platform sources (incremental, resumable)')
    .option('--source <name>', 'only this source')
    .option('--full', 'list everything again, not only what is newer than the last pull')
    .action(async (options: { source?: string; full?: boolean }) => {
      const session = await cli.open()
      try {
        const results = await whileJobsRun(session, 'pulling', () => session.client.call('pullNow', { source: options.source, full: options.full }))
        for (const result of results) console.log(result.description)
      } finally {
        await session.close()
      }
    })

  program
    .command('sync')
    .description('push every waiting decision to its platform now, and say what succeeded and failed')
    .option('--retry-failed', 'also retry the decisions the platform refused before')
    .option('--wait <seconds>', 'keep retrying transient failures (network, 429, 5xx) for this long', wholeNumber, 60)
    .action(async (options: { retryFailed?: boolean; wait: number }) => {
      const report = await cli.withClient(async (client, session) => {
        const say = waitingLine()
        const stop = session.engine.subscribe((event) => event.name === 'syncWaiting' && say(event.payload))
        try {
          return await client.call('sync', { waitMs: options.wait * 1000, retryFailed: options.retryFailed ?? false })
        } finally {
          stop()
        }
      })
      if (report.note) console.log(report.note)
      console.log(`Synced ${report.synced}; failed ${report.failed}; conflicts ${report.conflicts}; retrying later ${report.retrying}.`)
      for (const problem of report.problems) console.log(`${problem.state.padEnd(8)}  ${problem.source}  ${problem.id}  ${problem.error}`)
      if (report.failed + report.conflicts + report.retrying > 0) process.exitCode = 1
    })

  const article = program.command('article').description('articles (posts) on a platform')

  article
    .command('close')
    .description('close an article to new comments, on the site (WordPress: comment_status closed) and here')
    .argument('<id>', "the article's id on its platform (a WordPress post id)")
    .option('--source <name>', 'when several sources have an article with that id')
    .action(async (id: string, options: { source?: string }) => {
      const closed = await cli.withClient((client) => client.call('closeArticle', { articleId: id, source: options.source }))
      console.log(`Closed "${closed.title ?? id}" (${closed.source}) to new comments.`)
    })
}

/**
 * Says what `sync` waits for: the first time, whenever the reason changes, and once a minute while it
 * does not (a site that stays down for ten minutes is ten lines, not sixty).
 */
function waitingLine(): (wait: SyncWait) => void {
  let said: { reason: string | null; at: number } | undefined
  return ({ waitMs, leftMs, waiting, reason }) => {
    if (said && said.reason === reason && Date.now() - said.at < 60_000) return
    said = { reason, at: Date.now() }
    const why = reason ? ` because ${reason.replace(/\.$/, '')}` : ''
    console.log(`Waiting ${duration(waitMs)} to try again (${duration(leftMs)} of --wait left): ${waiting.toLocaleString('en')} decisions wait${why}.`)
  }
}

/** 9_500 → "10 s", 605_000 → "10 min 5 s". */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ''}`
}
