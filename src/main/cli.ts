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
import { registerTeamCommands } from './cli/team-commands'

const program = new Command('sieve')
  .description('Sieve: comment moderation for newsrooms')
  .option('--db <file|url>', "the database: a SQLite file, or a team's postgres://USER@HOST:PORT/DB (default: $SIEVE_DB, else the app data directory)")
  .showHelpAfterError()

const cli = cliContext(program)
registerQueueCommands(program, cli)
registerScoringCommands(program, cli)
registerReportCommands(program, cli)
registerPlatformCommands(program, cli)
registerAppCommands(program, cli)
registerTeamCommands(program, cli)

program.parseAsync().catch((error: unknown) => {
  const meant = error instanceof UserError ? error : storageError(error)
  if (meant) {
    console.error(`sieve: ${meant.message}`)
    process.exit(2)
  }
  console.error('sieve: failed:', error)
  process.exit(1)
})
