// Setting up a team: its database's schema, groups and grants (`team init`, by the database's owner) and
// one login per moderator (`team add-moderator`). A login's password reaches PostgreSQL only as a
// SCRAM verifier, computed here, so no log of the server's statements ever holds it.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'
import { UserError } from '../errors'
import { migratePostgres } from '../database/postgres/open'
import { LEADS, MODERATORS, teamSchema } from '../database/postgres/team-schema'
import { sql, type Sql } from '../database/sql/sql'

const ROLE_NAME = /^[a-z_][a-z0-9_.-]{0,62}$/i

export interface TeamInit {
  /** The schema version the database had (null: it was empty). */
  before: number | null
  version: number
}

export function initTeam(db: Sql, url: string): TeamInit {
  const before = migratePostgres(db, url)
  const database = db.get<{ name: string }>(sql`SELECT current_database() AS name`)!.name
  db.transaction(() => db.exec(teamSchema(database)))
  return { before, version: db.get<{ version: number }>(sql`SELECT version FROM sieve_schema`)!.version }
}

/** Creates (or, for an existing login, updates) a moderator's login; leads may also change policy and sources. */
export function addModerator(db: Sql, name: string, password: string, lead: boolean): { created: boolean } {
  if (!ROLE_NAME.test(name)) throw new UserError(`"${name}" cannot be a login name: letters, digits, _ . - (up to 63), starting with a letter or _.`)
  if (password.length < 12) throw new UserError('A moderator password needs at least 12 characters.')
  const exists = db.get(sql`SELECT 1 AS yes FROM pg_roles WHERE rolname = ${name}`) !== undefined
  const role = sql.id(name)
  const verifier = sql.lit(scramVerifier(password))
  return db.transaction(() => {
    if (exists) db.run(sql`ALTER ROLE ${role} WITH LOGIN PASSWORD ${verifier}`)
    else db.run(sql`CREATE ROLE ${role} WITH LOGIN PASSWORD ${verifier}`)
    db.run(sql`GRANT ${sql.id(MODERATORS)} TO ${role}`)
    db.run(lead ? sql`GRANT ${sql.id(LEADS)} TO ${role}` : sql`REVOKE ${sql.id(LEADS)} FROM ${role}`)
    return { created: !exists }
  })
}

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802, RFC 7677). */
export function scramVerifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16)
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256')
  const clientKey = createHmac('sha256', salted).update('Client Key').digest()
  const storedKey = createHash('sha256').update(clientKey).digest()
  const serverKey = createHmac('sha256', salted).update('Server Key').digest()
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`
}
