import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/engine/store/database'
import { migrations } from '../../src/main/engine/store/migrations'
import { tempDir } from '../support/temp-dir'

describe('the database', () => {
  it('is created at the latest schema, in WAL mode with foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'a.db'))
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
