// Where Sieve keeps its files: the same folder Electron's app.getPath('userData') gives the desktop app,
// so the command line and the window share one database.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { isPostgresUrl } from './engine/database/postgres/connect'

export function defaultDataDir(): string {
  const home = homedir()
  switch (process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'sieve')
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'sieve')
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'sieve')
  }
}

export interface StoreLocation {
  /** The SQLite file; for a team, where this desktop's own files live (its model, secrets). */
  dbPath: string
  /** A team's PostgreSQL. */
  dbUrl?: string
}

/** --db or $SIEVE_DB: a SQLite file (default: sieve.db in the data folder) or a team's postgres:// address. */
export function storeLocation(db: string | undefined = process.env.SIEVE_DB || undefined, dataDir = defaultDataDir()): StoreLocation {
  if (db && isPostgresUrl(db)) return { dbPath: join(dataDir, 'team', 'sieve.db'), dbUrl: db }
  return { dbPath: resolve(db || join(dataDir, 'sieve.db')) }
}
