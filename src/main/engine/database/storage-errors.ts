// What SQLite's and PostgreSQL's failures mean for the person at the keyboard. A failed write rolls its transaction back,
// so each message can say that nothing already saved was lost.
import Database from 'better-sqlite3'
import { UserError } from '../errors'
import { BridgeError } from './sql/sync-bridge'

const MEANINGS: [RegExp, string][] = [
  [/^SQLITE_FULL/, 'The disk holding the database is full. Nothing already saved was lost; free some space and try again.'],
  [/^SQLITE_READONLY/, 'The database cannot be written (a read-only file or disk). Nothing was changed; check its permissions or move it.'],
  [/^SQLITE_(BUSY|LOCKED)/, 'The database is locked by another program (another Sieve, or a backup tool) that kept it busy. Nothing was changed; try again in a moment.'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'The database file is damaged or is not a Sieve database. Nothing was changed; restore a backup (`sieve restore`).'],
  [/^SQLITE_(IOERR|CANTOPEN)/, 'The database could not be read or written (a disk or file-system error). Nothing already saved was lost; check the disk.']
]

/** PostgreSQL's error codes (SQLSTATE) a team member can act on. */
const POSTGRES_MEANINGS: [RegExp, string][] = [
  [/^42501$/, 'Your team login may not do that: changing thresholds, rules, word lists, shifts and sources is for leads. Nothing was changed.'],
  [/^(08|57P)/, 'The team database cannot be reached (the connection was lost or the server is shutting down). Nothing already saved was lost; try again in a moment.'],
  [/^53/, 'The team database is out of resources (disk, memory or connections). Nothing already saved was lost; tell whoever runs it.'],
  [/^(40001|40P01|55P03)$/, 'Another moderator was changing the same comments at that moment. Nothing was changed; try again.']
]

/** A UserError saying what a storage failure means, or null when `error` is not one. */
export function storageError(error: unknown): UserError | null {
  if (error instanceof BridgeError && error.code) {
    const meaning = POSTGRES_MEANINGS.find(([code]) => code.test(error.code!))
    return meaning ? new UserError(`${meaning[1]} (PostgreSQL: ${error.message})`) : null
  }
  if (!(error instanceof Database.SqliteError)) return null
  const meaning = MEANINGS.find(([code]) => code.test(error.code))
  return meaning ? new UserError(`${meaning[1]} (${error.code})`) : null
}
