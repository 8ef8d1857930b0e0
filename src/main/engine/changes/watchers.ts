// What wakes the change feed: the database's files changing (SQLite; another process may write them), or
// PostgreSQL's notices (a team's database; any desktop may write it). Each returns how to stop.
import { watch, type FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'
import pg from 'pg'
import { postgresConfig } from '../database/postgres/connect'

/** The folder, not the files: the WAL is created and truncated as SQLite sees fit. */
export function watchFiles(dbPath: string, look: () => void): () => void {
  const name = basename(dbPath)
  let watcher: FSWatcher | null = null
  try {
    watcher = watch(dirname(dbPath), { persistent: false }, (_event, file) => {
      if (file === null || file.startsWith(name)) look()
    })
    watcher.on('error', () => watcher?.close())
  } catch {
    watcher = null
  }
  return () => watcher?.close()
}

/**
 * A connection of its own that LISTENs; each notice names the table that changed. If the connection is
 * lost, the feed's regular look still catches up.
 */
export function listenForNotices(url: string, password: string | undefined, heard: (table: string) => void): () => void {
  const client = new pg.Client(postgresConfig(url, password))
  let stopped = false
  client.on('notification', (notice) => heard(notice.payload ?? ''))
  client.on('error', () => undefined)
  client
    .connect()
    .then(() => client.query('LISTEN sieve_changes'))
    .then(() => (stopped ? client.end() : undefined))
    .catch(() => undefined)
  return () => {
    stopped = true
    void client.end().catch(() => undefined)
  }
}
