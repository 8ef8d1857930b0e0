import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/engine/database/database'
import { migrations } from '../../src/main/engine/database/migrations'
import { tempDir } from '../support/temp-dir'

describe('the database', () => {
  it('is created at the latest schema, in WAL mode with foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'a.db')).sqlite!
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('refuses a database written by a newer Sieve and leaves it untouched', () => {
    const path = join(tempDir(), 'newer.db')
    const newer = new Database(path)
    newer.pragma(`user_version = ${migrations.length + 1}`)
    newer.exec('CREATE TABLE future (x)')
    newer.close()
    expect(() => openDatabase(path)).toThrow(/newer version of Sieve/)
    const check = new Database(path)
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length + 1)
    check.close()
  })
})

describe('upgrading', () => {
  it('brings a database written by the first release up to date in place, keeping every comment and decision', () => {
    const path = join(tempDir(), 'v1.db')
    copyFileSync(join(__dirname, '../fixtures/db/sieve-v1.db'), path)
    const before = new Database(path, { readonly: true })
    expect(before.pragma('user_version', { simple: true })).toBe(1)
    // The first release named the clause `reason` on a comment, `clause_code` and `reason_before` on a decision.
    const snapshot = (db: Database.Database, clause: string) => ({
      comments: db.prepare(`SELECT external_id, text, status, ${clause} AS clause, priority, scores FROM comments ORDER BY id`).all(),
      decisions: db.prepare('SELECT * FROM decisions ORDER BY id').all(),
      fts: db.prepare("SELECT rowid FROM comments_fts WHERE comments_fts MATCH 'Putin' ORDER BY rowid").all()
    })
    const old = snapshot(before, 'reason')
    before.close()
    expect(old.decisions.length).toBeGreaterThan(0)

    const db = openDatabase(path).sqlite!
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    // Every decision keeps its fields; the first release had no auto-moderation rules.
    const renamed = (decision: Record<string, unknown>) => {
      const { clause_code: clause, reason_before: clauseBefore, ...rest } = decision
      return { ...rest, clause, clause_before: clauseBefore, rule: null }
    }
    expect(snapshot(db, 'clause')).toEqual({ ...old, decisions: old.decisions.map((decision) => renamed(decision as Record<string, unknown>)) })
    // What the first release called a likely violation still is one.
    expect(db.prepare('SELECT count(*) AS n FROM comments WHERE flagged != (priority >= 0.7)').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
