// When the disk fills up, turns read-only, or another program locks the database — or the database comes
// from a newer Sieve — the person gets a clear message, the database stays intact, and nothing is lost.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli'
import { comment, tempDir, writeNdjson } from '../support/temp-engine'
import { mountTmpfs, remount } from '../support/tmpfs'

function seed(dbPath: string): void {
  const dir = tempDir()
  expect(runCli(['import', writeNdjson(dir, 'small.ndjson', [comment('c1', 'one'), comment('c2', 'two'), comment('c3', 'three')]), '--db', dbPath]).code).toBe(0)
  expect(runCli(['act', 'remove', 'c1', '--clause', 'spam', '--db', dbPath]).code).toBe(0)
}

function inspect(dbPath: string) {
  const db = new Database(dbPath, { readonly: true })
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      comments: (db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n,
      removed: db.prepare("SELECT c.external_id AS id, d.action FROM decisions d JOIN comments c ON c.id = d.comment_id").all()
    }
  } finally {
    db.close()
  }
}

describe('storage failures', () => {
  it('a full disk stops an import with a clear message; whole batches and earlier decisions stay', { timeout: 120_000 }, () => {
    const disk = mountTmpfs(4096)
    if (!disk) return
    const dbPath = join(disk, 'sieve.db')
    seed(dbPath)
    const padding = 'a long comment that fills the disk '.repeat(40)
    const big = writeNdjson(tempDir(), 'big.ndjson', Array.from({ length: 20_000 }, (_, i) => comment(`big${i}`, `${padding} ${i}`)))
    const result = runCli(['import', big, '--db', dbPath])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/The disk holding the database is full\. Nothing already saved was lost/)
    const after = inspect(dbPath)
    expect(after.integrity).toBe('ok')
    expect((after.comments - 3) % 2000).toBe(0)
    expect(after.removed).toEqual([{ id: 'c1', action: 'remove' }])
  })

  it('a read-only disk refuses a decision with a clear message and changes nothing', () => {
    const disk = mountTmpfs(8192)
    if (!disk) return
    const dbPath = join(disk, 'sieve.db')
    seed(dbPath)
    remount(disk, 'ro')
    const result = runCli(['act', 'approve', 'c2', '--db', dbPath])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/cannot be written \(a read-only file or disk\)|could not be read or written/)
    remount(disk, 'rw') // SQLite cannot even read a WAL database on a read-only disk; look at it writable
    expect(inspect(dbPath).removed).toEqual([{ id: 'c1', action: 'remove' }])
  })

  it('a database another program keeps locked gets a clear message after a wait, and nothing is changed', { timeout: 60_000 }, () => {
    const dbPath = join(tempDir(), 'sieve.db')
    seed(dbPath)
    const other = new Database(dbPath)
    other.exec('BEGIN EXCLUSIVE')
    try {
      const result = runCli(['act', 'approve', 'c2', '--db', dbPath])
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/locked by another program .* Nothing was changed/)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect(inspect(dbPath).removed).toEqual([{ id: 'c1', action: 'remove' }])
  })

  it('a database from a newer Sieve is refused with a clear message and left as it was', () => {
    const dbPath = join(tempDir(), 'sieve.db')
    seed(dbPath)
    const db = new Database(dbPath)
    db.pragma('user_version = 999')
    db.close()
    const result = runCli(['list', '--db', dbPath])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/written by a newer version of Sieve \(schema 999/)
    expect(inspect(dbPath).comments).toBe(3)
  })
})
