import Database from 'better-sqlite3'
import { UserError } from '../errors'
import { ensurePrivateFile, makePrivate } from '../private-files'
import { migrations } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** A better-sqlite3 addon built for another runtime (Electron), when the installed one is Node's. */
  nativeBinding?: string
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
    // 64 MiB of page cache: a million comments' indexes stay in memory while importing and deciding.
    db.pragma('cache_size = -65536')
    migrate(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > migrations.length) {
    throw new UserError(
      `This database was written by a newer version of Sieve (schema ${version}; this build knows ${migrations.length}). ` +
        'Update Sieve to open it; nothing was changed.'
    )
  }
  for (let next = version; next < migrations.length; next++) {
    db.transaction(() => {
      db.exec(migrations[next])
      db.pragma(`user_version = ${next + 1}`)
    })()
  }
}
