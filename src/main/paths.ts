// Where Sieve keeps its files: the same folder Electron's app.getPath('userData') gives the desktop app,
// so the command line and the window share one database.
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { isPostgresUrl } from './engine/database/postgres/connect'
import { readStoreChoice, STORE_CHOICE_FILE } from './engine/team/store-choice'

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
  /** The SQLite file; for a team, where this desktop's own files live (its model, backups). */
  dbPath: string
  /** A team's PostgreSQL. */
  dbUrl?: string
  /** Where this desktop keeps its keys and passwords: its data folder, whichever store is open. */
  secretsDir: string
  /** Where the app remembers a team database chosen in it; absent when --db or $SIEVE_DB names the store. */
  storeChoice?: string
}

/**
 * --db or $SIEVE_DB: a SQLite file or a team's postgres:// address. Without either: the team database
 * chosen in the app, else sieve.db in the data folder.
 */
export function storeLocation(db: string | undefined = process.env.SIEVE_DB || undefined, dataDir = defaultDataDir()): StoreLocation {
  const team = (url: string) => ({ dbPath: join(dataDir, 'team', 'sieve.db'), dbUrl: url, secretsDir: dataDir })
  if (db && isPostgresUrl(db)) return team(db)
  if (db) return { dbPath: resolve(db), secretsDir: dirname(resolve(db)) }
  const own = ownStoreLocation(dataDir)
  const chosen = readStoreChoice(own.storeChoice!)
  return chosen ? { ...team(chosen), storeChoice: own.storeChoice } : own
}

/** This desktop's own database, whatever team database was chosen in the app. */
export function ownStoreLocation(dataDir = defaultDataDir()): StoreLocation {
  return { dbPath: join(dataDir, 'sieve.db'), secretsDir: dataDir, storeChoice: join(dataDir, STORE_CHOICE_FILE) }
}
