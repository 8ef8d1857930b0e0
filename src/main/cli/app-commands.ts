// Running and keeping Sieve: browser mode, backups and restores.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Command } from 'commander'
import { UserError } from '../engine/errors'
import { makePrivateDir } from '../engine/private-files'
import { checkBackup, restoreFrom } from '../engine/database/backup'
import { startHttpTransport } from '../transport/http'
import { positiveInt } from './arguments'
import { startThreadedEngine } from '../engine/threads/threaded-engine'
import { RENDERER_DIR, RESOURCES_DIR, type CliContext } from './context'
import { ownStoreLocation, type StoreLocation } from '../paths'
import { startSwitchingEngine } from '../store-switch'

export function registerAppCommands(program: Command, cli: CliContext): void {
  program
    .command('serve')
    .description('browser mode: serve the app on 127.0.0.1')
    .option('--port <n>', 'the port (default: any free one)', positiveInt)
    .option('--demo', 'load the demo queue into an empty database')
    .action(async (options: { port?: number; demo?: boolean }) => {
      if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
        throw new UserError('The app is not built yet: run `npm run build` first (npm start does it for you).')
      }
      // As in the desktop app: the engine on threads of its own, today's backup, decisions pushed in the
      // background, every window told of every change.
      // Connecting to a team database (or leaving it) in the app reopens the engine on it.
      const threaded = (location: StoreLocation, storeProblem?: string) => {
        makePrivateDir(dirname(location.dbPath))
        return startThreadedEngine({
          ...location,
          storeProblem,
          resourcesDir: RESOURCES_DIR,
          autoSync: true,
          autoLearn: true,
          openAsApp: { demo: options.demo ?? false },
          printer: 'chromium'
        })
      }
      const engine = await startSwitchingEngine({
        start: () => threaded(cli.location()),
        startOwn: (problem) => (cli.location().storeChoice ? threaded(ownStoreLocation(), problem) : null)
      })
      const server = await startHttpTransport({ engine, rendererDir: RENDERER_DIR, port: options.port })
      console.log(`Sieve is running in browser mode. Open ${server.openUrl}`)
      const stop = async () => {
        await server.close()
        await engine.close()
        process.exit(0)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })

  program
    .command('backup')
    .description('copy the database, consistently, while Sieve may be running')
    .requiredOption('--out <file>', 'the backup file (never overwritten)')
    .action(async (options: { out: string }) => {
      await cli.withClient((client) => client.call('backup', { path: resolve(options.out) }))
      const { comments, decisions } = checkBackup(resolve(options.out))
      console.log(`Backed up ${comments} comments and ${decisions} decisions to ${options.out}.`)
    })

  program
    .command('restore')
    .description('replace the database with a backup (checked first; the replaced database is kept); close Sieve first')
    .requiredOption('--from <file>', 'the backup to restore')
    .action((options: { from: string }) => {
      const { comments, decisions } = checkBackup(resolve(options.from))
      const kept = restoreFrom(resolve(options.from), cli.dbPath(), new Date())
      console.log(`Restored ${comments} comments and ${decisions} decisions from ${options.from}; the database it replaced is kept as ${kept}.`)
    })
}
