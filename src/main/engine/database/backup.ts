// Backups: SQLite's online backup (consistent while the app keeps working), a checked restore that keeps
// the database it replaces, and rolling daily copies beside the database.
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { UserError } from '../errors'
import { ensurePrivateFile, makePrivate, makePrivateDir } from '../private-files'
import type { Db } from './database'
import { migrations } from './migrations'

/** How many daily backups are kept. */
export const DAILY_BACKUPS_KEPT = 7

export async function backupTo(db: Db, path: string): Promise<void> {
  if (existsSync(path)) throw new UserError(`${path} already exists; a backup never overwrites a file.`)
  makePrivateDir(dirname(path))
  // Made 0600 before SQLite writes into it (SQLite would make it with the umask's mode).
  ensurePrivateFile(path)
  if (!db.sqlite) throw new UserError('A team database lives on PostgreSQL: back it up with pg_dump, where it runs.')
  await db.sqlite.backup(path)
}

/** Whether `path` is a Sieve database this build can open, intact; throws a UserError saying why not. */
export function checkBackup(path: string, options: { nativeBinding?: string } = {}): { comments: number; decisions: number } {
  if (!existsSync(path)) throw new UserError(`There is no file ${path}.`)
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
  } catch (error) {
    throw new UserError(`${path} is not a database Sieve can read (${(error as Error).message}).`)
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > migrations.length) throw new UserError(`${path} was written by a newer Sieve (schema ${version}); update Sieve first.`)
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new UserError(`${path} is damaged (${String(integrity)}); it was not restored.`)
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    return { comments: count('comments'), decisions: count('decisions') }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(`${path} is not a Sieve database (${(error as Error).message}).`)
  } finally {
    db.close()
  }
}

/**
 * Puts a checked backup in place of the database at `dbPath` (which must be closed), keeping the one it
 * replaces as `<name>.before-restore-<time>`. Returns where that was kept.
 */
export function restoreFrom(backupPath: string, dbPath: string, at: Date): string {
  checkBackup(backupPath)
  const kept = `${dbPath}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`
  const incoming = `${dbPath}.restoring`
  copyFileSync(backupPath, incoming)
  makePrivate(incoming)
  if (existsSync(dbPath)) renameSync(dbPath, kept)
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
  renameSync(incoming, dbPath)
  return kept
}

/** Today's backup in `<database folder>/backups/`, unless there is one; the oldest beyond a week go. */
export async function dailyBackup(db: Db, dbPath: string, today: Date): Promise<string | null> {
  // A team's database is backed up where it runs (pg_dump), not by each desktop.
  if (!db.sqlite) return null
  const folder = join(dirname(dbPath), 'backups')
  const stem = basename(dbPath, '.db')
  const path = join(folder, `${stem}-${today.toISOString().slice(0, 10)}.db`)
  if (existsSync(path)) return null
  await backupTo(db, path)
  const daily = readdirSync(folder)
    .filter((name) => new RegExp(`^${stem.replace(/[^\w-]/g, '\\$&')}-\\d{4}-\\d{2}-\\d{2}\\.db$`).test(name))
    .sort()
  for (const old of daily.slice(0, Math.max(0, daily.length - DAILY_BACKUPS_KEPT))) rmSync(join(folder, old))
  return path
}
