// The command line: operations and scripting over the same engine and database as the app.
import { Command } from 'commander'
import { UserError } from './engine/errors'
import { storageError } from './engine/database/storage-errors'
import { registerAppCommands } from './cli/app-commands'
import { cliContext } from './cli/context'
import { registerPlatformCommands } from './cli/platform-commands'
import { registerQueueCommands } from './cli/queue-commands'
import { registerReportCommands } from './cli/report-commands'
import { registerScoringCommands } from './cli/scoring-commands'

const program = new Command('sieve')
  .description('Sieve: comment moderation for newsrooms')
  .option('--db <file>', 'the database file (default: $SIEVE_DB or the app data directory)')
  .showHelpAfterError()

const cli = cliContext(program)
registerQueueCommands(program, cli)
registerScoringCommands(program, cli)
registerReportCommands(program, cli)
registerPlatformCommands(program, cli)
registerAppCommands(program, cli)

program.parseAsync().catch((error: unknown) => {
  const meant = error instanceof UserError ? error : storageError(error)
  if (meant) {
    console.error(`sieve: ${meant.message}`)
    process.exit(2)
  }
  console.error('sieve: failed:', error)
  process.exit(1)
})
