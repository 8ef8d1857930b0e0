// Backups: taken while the database is in use, restored only when intact, a week of daily copies kept.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { dailyBackup } from '../../src/main/engine/database/backup'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli'
import { comment, tempDir, tempEngine, writeNdjson, decideByIds } from '../support/temp-engine'

async function withDecisions(dir: string) {
  const engine = await tempEngine({}, dir)
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', [comment('c1', 'first'), comment('c2', 'second'), comment('c3', 'third')]) })
  await decideByIds(engine, ['c1'], 'approve', {})
  return engine
}

const count = (path: string, table: string) => {
  const db = new Database(path, { readonly: true })
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('backup and restore', () => {
  it('backs up while the engine is open, restores it, and keeps the database it replaced', async () => {
    const dir = tempDir()
    const engine = await withDecisions(dir)
    const dbPath = join(dir, 'sieve.db')
    const backup = join(dir, 'copy.db')
    await engine.call('backup', { path: backup }) // the engine keeps the database open meanwhile
    expect(runCli(['backup', '--out', join(dir, 'cli.db'), '--db', dbPath]).stdout).toMatch(/Backed up 3 comments and 1 decisions/)
    await engine.close()
    expect(runCli(['backup', '--out', backup, '--db', dbPath]).stderr).toMatch(/already exists; a backup never overwrites/)

    runCli(['act', 'remove', 'c2', '--clause', 'spam', '--db', dbPath])
    expect(count(dbPath, 'decisions')).toBe(2)
    const restored = runCli(['restore', '--from', backup, '--db', dbPath])
    expect(restored.stdout).toMatch(/Restored 3 comments and 1 decisions .* kept as .*before-restore-/)
    expect(count(dbPath, 'decisions')).toBe(1)
    const kept = readdirSync(dir).find((name) => name.includes('before-restore'))!
    expect(count(join(dir, kept), 'decisions')).toBe(2)
  })

  it('refuses to restore what is not an intact Sieve database, and changes nothing', async () => {
    const dir = tempDir()
    ;(await withDecisions(dir)).close()
    const dbPath = join(dir, 'sieve.db')
    const junk = join(dir, 'junk.db')
    writeFileSync(junk, 'this is not SQLite')
    const refused = runCli(['restore', '--from', junk, '--db', dbPath])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/junk\.db is not a (database Sieve can read|Sieve database)/)

    const newer = join(dir, 'newer.db')
    const future = new Database(newer)
    future.pragma('user_version = 999')
    future.close()
    expect(runCli(['restore', '--from', newer, '--db', dbPath]).stderr).toMatch(/written by a newer Sieve \(schema 999\)/)
    expect(count(dbPath, 'decisions')).toBe(1)
    expect(readdirSync(dir).some((name) => name.includes('before-restore'))).toBe(false)
  })

  it('keeps one backup a day, the last seven days', async () => {
    const dir = tempDir()
    let day = Date.parse('2026-11-01T09:00:00Z')
    const engine = await tempEngine({ now: () => new Date(day) }, dir)
    for (let i = 0; i < 9; i++) {
      expect(await dailyBackup(engine.sql, engine.dbPath, new Date(day))).toMatch(/sieve-2026-11-\d\d\.db$/)
      expect(await dailyBackup(engine.sql, engine.dbPath, new Date(day))).toBeNull() // once a day
      day += 24 * 3600_000
    }
    const kept = readdirSync(join(dir, 'backups')).sort()
    expect(kept).toHaveLength(7)
    expect(kept[0]).toBe('sieve-2026-11-03.db')
    expect(existsSync(join(dir, 'backups', 'sieve-2026-11-09.db'))).toBe(true)
  })
})
