// Team mode from the command line: create or migrate a team's PostgreSQL (`team init`, as its owner),
// add moderators and leads, and keep this desktop's own team password in the secret store.
import type { Command } from 'commander'
import { UserError } from '../engine/errors'
import { loginKey } from '../engine/database/postgres/connect'
import { connect } from '../engine/database/postgres/open'
import { createFileSecretStore } from '../engine/secrets/secret-store'
import { addModerator, initTeam } from '../engine/team/team-admin'
import { readSecret, type CliContext } from './context'
import { join } from 'node:path'
import { makePrivateDir } from '../engine/private-files'

export function registerTeamCommands(program: Command, cli: CliContext): void {
  const team = program.command('team').description("team mode: several moderators on one PostgreSQL database (--db postgres://USER@HOST:PORT/DB)")

  /** The team database's address, or a clear refusal when --db names a SQLite file. */
  const teamUrl = (): string => {
    const { dbUrl } = cli.location()
    if (!dbUrl) throw new UserError('Team commands work on a team database: give --db postgres://USER@HOST:PORT/DB (or SIEVE_DB).')
    return dbUrl
  }
  const secrets = () => {
    const { secretsDir } = cli.location()
    makePrivateDir(secretsDir)
    return createFileSecretStore(join(secretsDir, 'secrets.json'))
  }
  const withDatabase = <T>(work: (db: ReturnType<typeof connect>, url: string) => T): T => {
    const url = teamUrl()
    const db = connect(url, secrets().get(loginKey(url)))
    try {
      return work(db, url)
    } finally {
      db.close()
    }
  }

  team
    .command('init')
    .description("create or bring up to date Sieve's schema, groups and grants (run as the database's owner)")
    .action(() =>
      withDatabase((db, url) => {
        const { before, version } = initTeam(db, url)
        console.log(before === null ? `Created Sieve's schema (version ${version}) in ${url}.` : before === version ? `Sieve's schema is up to date (version ${version}); groups and grants checked.` : `Migrated Sieve's schema from version ${before} to ${version}.`)
      })
    )

  team
    .command('add-moderator')
    .description('create a login for a moderator (or change its password); --lead lets them change policy, thresholds, rules, word lists and sources')
    .argument('<name>', 'the login name; the decision log shows it')
    .option('--lead', 'a lead, not only a moderator')
    .requiredOption('--password-stdin', 'read the password from standard input (never the command line)')
    .action(async (name: string, options: { lead?: boolean }) => {
      const password = await readSecret('Password')
      withDatabase((db) => {
        const { created } = addModerator(db, name, password, options.lead ?? false)
        console.log(`${created ? 'Added' : 'Updated'} ${options.lead ? 'lead' : 'moderator'} ${name}.`)
      })
    })

  team
    .command('login')
    .description("keep this desktop's password for the team database in Sieve's secret store (instead of PGPASSWORD or ~/.pgpass)")
    .requiredOption('--password-stdin', 'read the password from standard input')
    .action(async () => {
      const url = teamUrl()
      const password = await readSecret('Password')
      const db = connect(url, password)
      db.close()
      secrets().set(loginKey(url), password)
      console.log(`Logged in to ${url}; the password is kept in the secret store.`)
    })
}
