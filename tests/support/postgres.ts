// A real PostgreSQL (Debian's package) for the tests of team mode: one server per machine, started by
// vitest's global setup (or by whatever needs it first: a lone Playwright run, the team bench) and reused by
// the others (a lock keeps two from starting it at once), on
// 127.0.0.1 only, with password authentication. Each test gets a database of its own.
//
// PostgreSQL refuses to run as root: as root, initdb and pg_ctl run as the `postgres` user in a folder it
// owns; as anyone else, as that user.
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { userInfo } from 'node:os'
import pg from 'pg'

const DIR = process.env.SIEVE_PG_DIR ?? '/tmp/sieve-postgres'
const PORT = Number(process.env.SIEVE_PG_PORT ?? 55433)
const HOST = '127.0.0.1'
const SUPERUSER = 'postgres'

export interface PostgresServer {
  host: string
  port: number
  superuser: { user: string; password: string }
  /** A connection URL (without a password: it comes from PGPASSWORD or ~/.pgpass, as Sieve's own would). */
  url(database: string, user?: string): string
  /** A fresh, empty database owned by a fresh login role; its URL and the owner's password. */
  freshDatabase(prefix?: string): Promise<{ url: string; name: string; owner: string; password: string }>
  query(sql: string, params?: unknown[], database?: string): Promise<pg.QueryResult>
}

const ROOT = '/usr/lib/postgresql'

export function postgresInstalled(): boolean {
  return existsSync(ROOT)
}

function binDir(): string {
  if (!postgresInstalled()) {
    // postgresql is in the suite's one package list, .ci/system-packages.txt ([postgres]).
    throw new Error("PostgreSQL is not installed (the tests need its server binaries): sudo apt-get install -y $(grep -v '^#' .ci/system-packages.txt)")
  }
  const version = readdirSync(ROOT).sort((a, b) => Number(b) - Number(a))[0]
  return join(ROOT, version, 'bin')
}

/** Runs a PostgreSQL program as the user that owns the cluster (never root). */
function asOwner(program: string, args: string[]): void {
  const bin = join(binDir(), program)
  const isRoot = userInfo().uid === 0
  const result = isRoot ? spawnSync('runuser', ['-u', SUPERUSER, '--', bin, ...args], { encoding: 'utf8' }) : spawnSync(bin, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`)
}

function password(): string {
  const file = join(DIR, 'superuser-password')
  if (!existsSync(file)) writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

async function answers(superPassword: string): Promise<boolean> {
  const client = new pg.Client({ host: HOST, port: PORT, user: SUPERUSER, password: superPassword, database: 'postgres', connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

function initAndStart(): void {
  const data = join(DIR, 'data')
  const isRoot = userInfo().uid === 0
  // The path to the folder must be traversable by the postgres user, and the folder its own.
  chmodSync(DIR, 0o755)
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim())
    chownSync(DIR, uid, gid)
    chownSync(join(DIR, 'superuser-password'), uid, gid)
  }
  if (!existsSync(join(data, 'PG_VERSION'))) {
    // --no-sync: a throwaway cluster need not wait for a slow disk to flush a thousand files.
    asOwner('initdb', [
      '-D',
      data,
      '-U',
      SUPERUSER,
      '-A',
      'scram-sha-256',
      `--pwfile=${join(DIR, 'superuser-password')}`,
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync'
    ])
  }
  asOwner('pg_ctl', ['-D', data, '-l', join(DIR, 'server.log'), '-w', '-t', '60', '-o', `-c listen_addresses=${HOST} -p ${PORT} -k ${DIR}`, 'start'])
}

let started: Promise<PostgresServer> | null = null

/** The machine's test PostgreSQL, started if it is not running. */
export function startPostgres(): Promise<PostgresServer> {
  started ??= (async () => {
    mkdirSync(DIR, { recursive: true })
    const superPassword = password()
    if (!(await answers(superPassword))) await whileLocked(superPassword, initAndStart)
    const query = async (sql: string, params: unknown[] = [], database = 'postgres') => {
      const client = new pg.Client({ host: HOST, port: PORT, user: SUPERUSER, password: superPassword, database })
      await client.connect()
      try {
        return await client.query(sql, params)
      } finally {
        await client.end()
      }
    }
    const url = (database: string, user = SUPERUSER) => `postgres://${encodeURIComponent(user)}@${HOST}:${PORT}/${encodeURIComponent(database)}`
    return {
      host: HOST,
      port: PORT,
      superuser: { user: SUPERUSER, password: superPassword },
      url,
      query,
      async freshDatabase(prefix = 'sieve_test') {
        const name = `${prefix}_${randomBytes(5).toString('hex')}`
        const owner = `${name}_owner`
        const ownerPassword = randomBytes(12).toString('base64url')
        await query(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD '${ownerPassword}'`)
        await query(`CREATE DATABASE ${name} OWNER ${owner}`)
        return { url: url(name, owner), name, owner, password: ownerPassword }
      }
    }
  })()
  return started
}

/** One starter at a time across test processes: a folder made atomically is the lock. */
async function whileLocked(superPassword: string, work: () => void): Promise<void> {
  const lock = `${DIR}.starting`
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (await answers(superPassword)) return
      // A starter that died holding the lock leaves it behind: a lock older than two minutes is stale.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true })
      await new Promise((wake) => setTimeout(wake, 200))
    }
  }
  try {
    if (!(await answers(superPassword))) work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
