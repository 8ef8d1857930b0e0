// Opening a team's database: connect, then check that its schema is the one this build speaks. The
// engine never migrates a team's database by itself (every desktop would race to): `team init`, run by
// its owner, creates and migrates it.
import { UserError } from '../../errors'
import { POSTGRES_BASELINE_VERSION, default as baseline } from './baseline'
import { postgresMigrations, SCHEMA_VERSION } from '../migrations'
import { sql, type Sql } from '../sql/sql'
import { postgresConfig } from './connect'
import { postgresSql } from './postgres-sql'

if (POSTGRES_BASELINE_VERSION + postgresMigrations.length !== SCHEMA_VERSION) {
  throw new Error(`PostgreSQL's migrations reach version ${POSTGRES_BASELINE_VERSION + postgresMigrations.length}, SQLite's ${SCHEMA_VERSION}: write the missing pair.`)
}

/** Connects to the team database at `url`, refusing one without Sieve's schema or with another version of it. */
export function openPostgres(url: string, password?: string): Sql {
  const db = connect(url, password)
  try {
    const version = schemaVersion(db)
    if (version === null) throw new UserError(`${where(url)} has no Sieve schema yet: its owner runs \`sieve team init --db ${url}\` first.`)
    refuseNewer(version, url)
    if (version < SCHEMA_VERSION) throw new UserError(`${where(url)} has Sieve's schema ${version}; this build needs ${SCHEMA_VERSION}: its owner runs \`sieve team init --db ${url}\` to bring it up to date.`)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Creates or brings up to date Sieve's schema (as the database's owner); returns the version it had. */
export function migratePostgres(db: Sql, url: string): number | null {
  return db.serialTransaction('sieve-migrate', () => {
    const before = schemaVersion(db)
    if (before !== null) refuseNewer(before, url)
    if (before === null) db.exec(baseline)
    for (let version = before ?? POSTGRES_BASELINE_VERSION; version < SCHEMA_VERSION; version++) {
      db.exec(postgresMigrations[version - POSTGRES_BASELINE_VERSION])
      db.run(sql`UPDATE sieve_schema SET version = ${version + 1}`)
    }
    return before
  })
}

export function connect(url: string, password?: string): Sql {
  try {
    return postgresSql(postgresConfig(url, password))
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(`Could not connect to ${where(url)}: ${(error as Error).message}`)
  }
}

function schemaVersion(db: Sql): number | null {
  const table = db.get<{ name: string | null }>(sql`SELECT to_regclass('sieve_schema')::text AS name`)
  if (!table?.name) return null
  return db.get<{ version: number }>(sql`SELECT version FROM sieve_schema`)?.version ?? null
}

function refuseNewer(version: number, url: string): void {
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      `${where(url)} was written by a newer version of Sieve (schema ${version}; this build knows ${SCHEMA_VERSION}). Update Sieve to open it; nothing was changed.`
    )
  }
}

const where = (url: string) => `The team database ${url.replace(/:[^@/]*@/, ':…@')}`
