// What SQLite's failures mean for the person at the keyboard. A failed write rolls its transaction back,
// so each message can say that nothing already saved was lost.
import Database from 'better-sqlite3'
import { UserError } from '../errors'

const MEANINGS: [RegExp, string][] = [
  [/^SQLITE_FULL/, 'The disk holding the database is full. Nothing already saved was lost; free some space and try again.'],
  [/^SQLITE_READONLY/, 'The database cannot be written (a read-only file or disk). Nothing was changed; check its permissions or move it.'],
  [/^SQLITE_(BUSY|LOCKED)/, 'The database is locked by another program (another Sieve, or a backup tool) that kept it busy. Nothing was changed; try again in a moment.'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'The database file is damaged or is not a Sieve database. Nothing was changed; restore a backup (`sieve restore`).'],
  [/^SQLITE_(IOERR|CANTOPEN)/, 'The database could not be read or written (a disk or file-system error). Nothing already saved was lost; check the disk.']
]

/** A UserError saying what a storage failure means, or null when `error` is not one. */
export function storageError(error: unknown): UserError | null {
  if (!(error instanceof Database.SqliteError)) return null
  const meaning = MEANINGS.find(([code]) => code.test(error.code))
  return meaning ? new UserError(`${meaning[1]} (${error.code})`) : null
}
