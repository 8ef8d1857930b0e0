// The two stores keep one schema: every table and column a SQLite migration makes, the PostgreSQL baseline
// and its migrations make too (a migration written for one store only fails here).
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/engine/database/database'
import { sql } from '../../../src/main/engine/database/sql/sql'
import { teamDatabase } from '../../support/team'
import { tempDir } from '../../support/temp-engine'

/** What only one store has, and why: SQLite's full-text index tables; PostgreSQL's search column and team tables. */
const ONLY_SQLITE = /^comments_fts/
const ONLY_POSTGRES = new Set(['sieve_schema', 'claims', 'comments.search'])

it('SQLite and PostgreSQL have the same tables and columns at the same schema version', async () => {
  const sqlite = openDatabase(join(tempDir(), 'sieve.db'))
  const sqliteColumns = sqlite
    .all<{ table: string }>(sql`SELECT name AS "table" FROM sqlite_master WHERE type = 'table'`)
    .filter(({ table }) => !ONLY_SQLITE.test(table))
    .flatMap(({ table }) => sqlite.sqlite!.prepare(`PRAGMA table_info(${table})`).all().map((column) => `${table}.${(column as { name: string }).name}`))
  const version = sqlite.sqlite!.pragma('user_version', { simple: true })
  sqlite.close()

  const team = await teamDatabase()
  const postgresColumns = team.sql
    .all<{ table: string; column: string }>(sql`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = 'public'`)
    .map(({ table, column }) => `${table}.${column}`)
    .filter((name) => !ONLY_POSTGRES.has(name) && !ONLY_POSTGRES.has(name.split('.')[0]))
  expect(team.sql.get(sql`SELECT version FROM sieve_schema`)).toEqual({ version })
  expect(postgresColumns.sort()).toEqual(sqliteColumns.sort())
})
