// Opening a store: a SQLite file (one moderator; the default) or a PostgreSQL database (a team). Either
// way the engine gets the same Sql to speak to, with the schema brought up to date (or refused when a
// newer Sieve wrote it).
import Database from 'better-sqlite3'
import { UserError } from '../errors'
import { ensurePrivateFile, makePrivate } from '../private-files'
import { finishInterruptedSqliteBulkLoad } from '../sources/store/bulk-load-sqlite'
import { migrations } from './migrations'
import { loginKey } from './postgres/connect'
import { openPostgres } from './postgres/open'
import { sqliteSql } from './sql/sqlite-sql'
import { sql, type Sql } from './sql/sql'

export type Db = Sql

/** Where the engine keeps its data: a team's PostgreSQL when `dbUrl` is set, else the SQLite file. */
export function openStore(
  location: { dbPath: string; dbUrl?: string; nativeBinding?: string },
  secrets: { get(name: string): string | undefined },
  access: 'read' | 'write' = 'write',
  options: Pick<OpenOptions, 'cacheMiB'> = {}
): Db {
  if (location.dbUrl) return openPostgres(location.dbUrl, secrets.get(loginKey(location.dbUrl)))
  return openDatabase(location.dbPath, { nativeBinding: location.nativeBinding, readonly: access === 'read', ...options })
}

/** The role logged in to a team's database (null for SQLite, where the moderator names themself). */
export function loggedInRole(db: Db): string | null {
  return db.dialect.name === 'postgres' ? db.get<{ name: string }>(sql`SELECT session_user::text AS name`)!.name : null
}

export interface OpenOptions {
  /** A better-sqlite3 addon built for another runtime (Electron), when the installed one is Node's. */
  nativeBinding?: string
  /** A connection that only reads (the writer has already brought the schema up to date). */
  readonly?: boolean
  /** Page cache (default 64 MiB: a million comments' indexes stay in memory while importing and deciding). */
  cacheMiB?: number
}

/**
 * Opens (creating if needed) a Sieve database and brings its schema up to date. It holds commenters'
 * personal data: the file, its -wal and its -shm are 0600 (SQLite gives the latter two the file's mode).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const onDisk = path !== ':memory:' && path !== ''
  if (onDisk) ensurePrivateFile(path)
  const db = new Database(path, { nativeBinding: options.nativeBinding })
  try {
    db.pragma('journal_mode = WAL')
    // A database an older Sieve made with the umask's mode is tightened.
    if (onDisk) for (const file of [path, `${path}-wal`, `${path}-shm`]) makePrivate(file)
    // FULL: a decision the UI has shown survives a power cut, not only a crash of the app.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma(`cache_size = ${-1024 * (options.cacheMiB ?? 64)}`)
    if (options.readonly) {
      refuseNewer(db)
      db.pragma('query_only = ON')
      return sqliteSql(db)
    }
    migrate(db)
    const opened = sqliteSql(db)
    // An import killed mid-way left its indexes to build: built before anything reads them.
    finishInterruptedSqliteBulkLoad(opened)
    return opened
  } catch (error) {
    db.close()
    throw error
  }
}

function migrate(db: Database.Database): void {
  const version = refuseNewer(db)
  for (let next = version; next < migrations.length; next++) {
    db.transaction(() => {
      db.exec(migrations[next])
      db.pragma(`user_version = ${next + 1}`)
    })()
  }
}

/** The schema version, after refusing a database written by a newer Sieve. */
function refuseNewer(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > migrations.length) {
    throw new UserError(
      `This database was written by a newer version of Sieve (schema ${version}; this build knows ${migrations.length}). ` +
        'Update Sieve to open it; nothing was changed.'
    )
  }
  return version
}
