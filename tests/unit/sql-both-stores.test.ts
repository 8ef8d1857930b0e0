import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { sql } from '../../src/main/engine/database/sql/sql'
import { sqliteSql } from '../../src/main/engine/database/sql/sqlite-sql'
import { postgresSql } from '../../src/main/engine/database/postgres/postgres-sql'
import { startPostgres } from '../support/postgres'

describe('one SQL for both stores', () => {
  it('runs the same statements, transactions, rollbacks and chunked reads on SQLite and PostgreSQL', async () => {
    const server = await startPostgres()
    const fresh = await server.freshDatabase()
    const stores = [sqliteSql(new Database(':memory:')), postgresSql({ host: server.host, port: server.port, user: fresh.owner, database: fresh.name, password: fresh.password })]
    for (const db of stores) {
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL)')
      db.transaction(() => {
        for (let i = 1; i <= 5; i++) db.run(sql`INSERT INTO t (id, name, score) VALUES (${i}, ${'n' + i}, ${i / 10})`)
      })
      expect(() => db.transaction(() => { db.run(sql`INSERT INTO t (id, name) VALUES (${9}, ${'x'})`); throw new Error('no') })).toThrow('no')
      expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM t`)).toEqual({ n: 5 })
      expect([...db.chunks(sql<{ id: number }>`SELECT id FROM t ORDER BY id`, 2)].map((c) => c.length)).toEqual([2, 2, 1])
      expect(db.run(sql`UPDATE t SET score = ${0.9} WHERE id > ${3}`)).toBe(2)
      db.close()
    }
  }, 120_000)
})
