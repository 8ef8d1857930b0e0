// Engines on real SQLite files in a fresh temporary folder, closed and removed when the test ends. Tests
// reach the engine through the same typed client as every window, and read (or arrange) the database
// through a connection of their own.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { onTestFinished } from 'vitest'
import type { Client, EngineEvent } from '../../src/shared/api'
import type { Policy } from '../../src/shared/model'
import { startEngine, type Engine, type EngineOptions, type StartOptions } from '../../src/main/engine/engine'
import { createFileSecretStore, type SecretStore } from '../../src/main/engine/secrets/secret-store'
import type Database from 'better-sqlite3'
import { openDatabase, openStore, type Db } from '../../src/main/engine/database/database'
import { loginKey } from '../../src/main/engine/database/postgres/connect'
import { clientOf } from '../../src/main/transport/in-process'
import { tempDir } from './temp-dir'
import { RESOURCES_DIR } from './temp-engine-paths'

export { tempDir }

export { RESOURCES_DIR } from './temp-engine-paths'

/** A clock that starts at a fixed time and moves one second per reading, so ordering is testable. */
export function steppingClock(start = '2026-08-17T12:00:00Z'): () => Date {
  let now = Date.parse(start)
  return () => new Date((now += 1000))
}

export interface TestEngine {
  engine: Engine
  client: Client
  /** client.call, shorter. */
  call: Client['call']
  /** The test's own connection to the engine's database, as better-sqlite3 gives it (to read and arrange). */
  db: Database.Database
  /** The same connection as the engine's store modules take it. */
  sql: Db
  dbPath: string
  dir: string
  /** Every event the engine sent, in order. */
  events: EngineEvent[]
  /** The Terms of Use the engine works under. */
  policy: Policy
  /** The secret store the engine keeps keys and passwords in (the same file, read afresh). */
  secrets: SecretStore
  close(): Promise<void>
}

/** An engine the test closes when it ends. */
export async function tempEngine(options: Partial<EngineOptions & StartOptions> = {}, dir = tempDir()): Promise<TestEngine> {
  const engine = await openTestEngine(options, dir)
  onTestFinished(engine.close)
  return engine
}

/**
 * An engine the caller closes (one shared by the tests of a file, opened in beforeAll). With
 * SIEVE_TEST_STORE=postgres (the suite's PostgreSQL project), on a fresh team database instead of a file.
 */
export async function openTestEngine(options: Partial<EngineOptions & StartOptions> = {}, dir = tempDir()): Promise<TestEngine> {
  const dbPath = options.dbPath ?? join(dir, 'sieve.db')
  let ownerUrl: string | undefined
  if (process.env.SIEVE_TEST_STORE === 'postgres' && !options.dbUrl) {
    const team = await onTeamDatabase(dbPath, options.moderator ?? 'alice', options.secrets)
    ownerUrl = team.ownerUrl
    options = { ...options, dbUrl: team.dbUrl, secrets: team.secrets }
  }
  const engine = await startEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator: 'alice', now: steppingClock(), ...options })
  const client = clientOf(engine)
  const secrets = options.secrets ?? createFileSecretStore(join(dirname(dbPath), 'secrets.json'))
  // A team engine's test reads and arranges its PostgreSQL as the database's owner.
  const sql = options.dbUrl ? openStore({ dbPath, dbUrl: ownerUrl ?? options.dbUrl }, secrets) : openDatabase(dbPath)
  const db = sql.sqlite ?? noSqlite()
  const events: EngineEvent[] = []
  engine.subscribe((event) => events.push(event))
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    if (sql.open) sql.close()
    await engine.close()
  }
  const policy = await client.call('policy', {})
  return { engine, client, call: client.call.bind(client), db, sql, dbPath, dir, events, policy, secrets, close }
}

/** Decides on comments named by their platform ids, as `sieve act` does. */
export async function decideByIds(engine: TestEngine, ids: string[], action: 'approve' | 'remove' | 'disable' | 'enable', extra: { clause?: string; note?: string } = {}) {
  const keys = await engine.call('findComments', { ids })
  return engine.call('decide', { keys, action, ...extra })
}

export function writeNdjson(dir: string, name: string, lines: (object | string)[]): string {
  const path = join(dir, name)
  writeFileSync(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n')
  return path
}

export function comment(id: string, text: string, extra: object = {}) {
  return {
    id,
    text,
    author: { id: `u-${id}`, name: `Reader ${id}` },
    article: { id: 'a1', title: 'Putin lauds North Korean troops', url: 'https://news.example/a1' },
    createdAt: '2026-08-16T10:00:00Z',
    ...extra
  }
}

/** Opens (migrating) a Sieve database as better-sqlite3 gives it, for a test to read and arrange. */
export function openTestDatabase(path: string): Database.Database {
  return openDatabase(path).sqlite!
}

/** The team database standing in for each SQLite path a test named (a test that reopens a path reopens it). */
const teamDatabases = new Map<string, Promise<{ url: string; owner: string; password: string; urlFor(user: string): string; login(name: string): string }>>()

/**
 * A team database on the test PostgreSQL in place of the file at `dbPath`, the engine logged in as the
 * test's moderator (a lead: tests import and configure) and the test's own connection as the owner.
 */
async function onTeamDatabase(dbPath: string, moderator: string, secrets = createFileSecretStore(join(dirname(dbPath), 'secrets.json'))) {
  const { teamDatabase } = await import('./team')
  if (!teamDatabases.has(dbPath)) {
    teamDatabases.set(
      dbPath,
      teamDatabase().then((team) => ({ url: team.url, owner: team.owner.user, password: team.owner.password, urlFor: team.urlFor, login: (name: string) => team.testLogin(name) }))
    )
  }
  const team = await teamDatabases.get(dbPath)!
  secrets.set(loginKey(team.url), team.password)
  const dbUrl = team.urlFor(moderator)
  secrets.set(loginKey(dbUrl), team.login(moderator))
  return { dbUrl, ownerUrl: team.url, secrets }
}

/** A team engine has no SQLite file: a test that reaches for one is told so. */
function noSqlite(): Database.Database {
  return new Proxy({} as Database.Database, {
    get: () => {
      throw new Error('This engine keeps its data in PostgreSQL: read it through `sql`.')
    }
  })
}
