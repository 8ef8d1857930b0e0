// A large file takes SQLite's bulk path (sources/store/bulk-load-sqlite.ts): the comments' indexes and the
// full-text index are built after the rows. It must land what the ordinary path lands, and a kill -9 in
// the middle must leave a database that opens, passes its integrity checks, has its indexes back and takes
// the same file again without duplicates.
import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { comment, openTestDatabase, tempDir, tempEngine, writeNdjson } from '../support/temp-engine'

const ROOT = resolve(__dirname, '../..')
/** Enough comments of this length to pass the bulk path's 16 MiB. */
const COMMENTS = 70_000
const filler = 'the summit ended without a deal and the ceasefire talk evaporated while analysts said expectations were low '.repeat(2)

function bigFile(dir: string, extra: (object | string)[] = []): string {
  const lines: (object | string)[] = Array.from({ length: COMMENTS }, (_, i) =>
    comment(`b${i}`, `${i % 7 === 0 ? 'kursk ' : ''}comment ${i}: ${filler}`, { author: { id: `u${i % 5000}`, name: `Reader ${i % 5000}` }, article: { id: `a${i % 300}`, title: `Story ${i % 300}` } })
  )
  const file = writeNdjson(dir, 'big.ndjson', [...lines, ...extra])
  expect(statSync(file).size, 'big enough for the bulk path').toBeGreaterThan(16 * 2 ** 20)
  return file
}

function checkIntact(db: Database.Database): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  // Throws if the full-text index and the comments disagree.
  db.prepare("INSERT INTO comments_fts (comments_fts) VALUES ('integrity-check')").run()
}

const commentIndexes = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'comments' ORDER BY name").pluck().all()

describe('a large import (the bulk path)', () => {
  it('lands what the ordinary path would: repeated ids and bad lines refused by line, search and indexes in place, a second import changes nothing', { timeout: 300_000 }, async () => {
    const dir = tempDir()
    const file = bigFile(dir, [comment('b5', 'the same id again'), '{"id": "broken"', comment('late', 'a kursk comment at the end')])
    const engine = await tempEngine({}, dir)
    const fresh = commentIndexes(openTestDatabase(join(dir, 'fresh.db')))
    const report = await engine.call('importFile', { path: file })
    expect(report.added).toBe(COMMENTS + 1)
    expect(report.rejected).toEqual([
      { line: COMMENTS + 1, reason: 'id "b5" already appeared on line 6' },
      { line: COMMENTS + 2, reason: expect.stringContaining('not valid JSON') }
    ])
    checkIntact(engine.db)
    expect(commentIndexes(engine.db)).toEqual(fresh)
    const found = await engine.call('count', { filter: { queue: 'all', search: 'kursk' } })
    expect(found).toBe(COMMENTS / 7 + 1)
    const row = engine.db.prepare("SELECT c.text, au.name, ar.title FROM comments c JOIN authors au ON au.id = c.author_id JOIN articles ar ON ar.id = c.article_id WHERE c.external_id = 'b5'").get()
    expect(row).toEqual({ text: `comment 5: ${filler}`, name: 'Reader 5', title: 'Story 5' })
    const again = await engine.call('importFile', { path: file })
    expect({ added: again.added, updated: again.updated, unchanged: again.unchanged }).toEqual({ added: 0, updated: 0, unchanged: COMMENTS + 1 })
    expect(engine.db.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({ n: COMMENTS + 1 })
  })

  it('killed (kill -9) in the middle: the database opens, passes its integrity checks with every index back, and the same file imports again without duplicates', { timeout: 300_000 }, async () => {
    const dir = tempDir()
    const file = bigFile(dir)
    const dbPath = join(dir, 'killed.db')
    const fresh = commentIndexes(openTestDatabase(join(dir, 'fresh.db')))
    // The command line's import, as a person runs it; node itself, so the kill reaches the importing process.
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli.ts'), 'import', file, '--db', dbPath], { cwd: ROOT, stdio: 'ignore' })
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)))
    // Killed once some batches have landed, while the load is still under way (its indexes not yet built).
    let landed = 0
    while (landed < 20_000) {
      await new Promise((wait) => setTimeout(wait, 50))
      try {
        const reader = new Database(dbPath, { readonly: true, fileMustExist: true })
        try {
          const loading = reader.prepare("SELECT 1 FROM settings WHERE key = 'sqlite_bulk_load'").get()
          landed = loading ? (reader.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n : 0
        } finally {
          reader.close()
        }
      } catch {
        // Not created, or its schema not yet made.
      }
    }
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')

    const db = openTestDatabase(dbPath)
    try {
      checkIntact(db)
      expect(commentIndexes(db)).toEqual(fresh)
      const { n } = db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }
      expect(n).toBeGreaterThanOrEqual(landed)
      expect(n).toBeLessThan(COMMENTS)
      // What landed can be found.
      const searchable = db.prepare("SELECT count(*) AS n FROM comments_fts WHERE comments_fts MATCH 'kursk'").get() as { n: number }
      expect(searchable.n).toBe((db.prepare("SELECT count(*) AS n FROM comments WHERE text LIKE 'kursk %'").get() as { n: number }).n)
    } finally {
      db.close()
    }

    const engine = await tempEngine({ dbPath }, dir)
    const report = await engine.call('importFile', { path: file })
    expect(report.rejected).toEqual([])
    expect(report.added + report.unchanged).toBe(COMMENTS)
    expect(engine.db.prepare('SELECT count(*) AS n, count(DISTINCT external_id) AS ids FROM comments').get()).toEqual({ n: COMMENTS, ids: COMMENTS })
    checkIntact(engine.db)
    expect(commentIndexes(engine.db)).toEqual(fresh)
  })
})
