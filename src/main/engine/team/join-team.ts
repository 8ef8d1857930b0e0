// "Connect to a team database" in the app: the login is tried before anything is kept, so a wrong
// password or a database without Sieve's schema is said at once and changes nothing. The password goes
// to this desktop's secret store, the address (never a password) to the store choice.
import { UserError } from '../errors'
import { sql } from '../database/sql/sql'
import { databaseName, loginKey, postgresConfig } from '../database/postgres/connect'
import { openPostgres } from '../database/postgres/open'
import { MODERATORS } from '../database/postgres/team-schema'
import type { SecretStore } from '../secrets/secret-store'
import { writeStoreChoice } from './store-choice'

const PINNED = 'Sieve was started with --db or SIEVE_DB, which names its database: start it without them to choose a team database in the app.'

/** Tries the login, then keeps it; returns the database's name. */
export function joinTeam(choiceFile: string | undefined, secrets: SecretStore, url: string, password: string): { database: string } {
  if (!choiceFile) throw new UserError(PINNED)
  postgresConfig(url) // refuses a password in the address, or an address without a user or database
  const db = openPostgres(url, password)
  try {
    const member = db.get<{ member: boolean }>(sql`SELECT pg_has_role(session_user, ${MODERATORS}, 'MEMBER') AS member`)!.member
    if (!member) throw new UserError(`${new URL(url).username} is not one of this team's moderators: a lead adds them with \`sieve team add-moderator\`.`)
  } finally {
    db.close()
  }
  secrets.set(loginKey(url), password)
  writeStoreChoice(choiceFile, url)
  return { database: databaseName(url) }
}

/** Forgets the chosen team database (its password stays in the secret store for the next time). */
export function leaveTeam(choiceFile: string | undefined): { left: boolean } {
  if (!choiceFile) throw new UserError(PINNED)
  writeStoreChoice(choiceFile, null)
  return { left: true }
}
