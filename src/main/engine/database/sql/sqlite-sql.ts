// The Sql interface over a better-sqlite3 connection: compiled statements are prepared once and kept.
import type Database from 'better-sqlite3'
import type { RawBuilder } from 'kysely'
import { compile } from './compile'
import { DIALECTS } from './dialect'
import type { Sql } from './sql'

const CACHED_STATEMENTS = 500

export function sqliteSql(db: Database.Database): Sql {
  const statements = new Map<string, Database.Statement>()
  const prepare = (query: RawBuilder<unknown>) => {
    const { text, values } = compile('sqlite', query)
    let statement = statements.get(text)
    if (!statement) {
      statement = db.prepare(text)
      if (statements.size >= CACHED_STATEMENTS) statements.delete(statements.keys().next().value!)
      statements.set(text, statement)
    }
    return { statement, values: values.map(toSqlite) }
  }
  return {
    dialect: DIALECTS.sqlite,
    all: <R>(query: RawBuilder<unknown>) => {
      const { statement, values } = prepare(query)
      return statement.all(...values) as R[]
    },
    get: <R>(query: RawBuilder<unknown>) => {
      const { statement, values } = prepare(query)
      return statement.get(...values) as R | undefined
    },
    run(query) {
      const { statement, values } = prepare(query)
      return statement.run(...values).changes
    },
    *chunks<R>(query: RawBuilder<unknown>, size: number, options: { arrays?: boolean } = {}) {
      const { statement, values } = prepare(query)
      let chunk: R[] = []
      // A cached statement is shared: raw mode is set for this walk and put back after it.
      statement.raw(options.arrays ?? false)
      try {
        for (const row of statement.iterate(...values) as Iterable<R>) {
          chunk.push(row)
          if (chunk.length >= size) {
            yield chunk
            chunk = []
          }
        }
        if (chunk.length) yield chunk
      } finally {
        statement.raw(false)
      }
    },
    exec: (script) => void db.exec(script),
    transaction: (work) => db.transaction(work)(),
    relaxedTransaction(work) {
      // The level cannot change inside someone else's transaction, and their commit decides anyway.
      if (db.inTransaction) return db.transaction(work)()
      const level = db.pragma('synchronous', { simple: true }) as number
      db.pragma('synchronous = NORMAL')
      try {
        return db.transaction(work)()
      } finally {
        db.pragma(`synchronous = ${level}`)
      }
    },
    // One writer at a time is SQLite's own rule: taking the write lock first is enough, whatever the name.
    serialTransaction: (_name, work) => db.transaction(work).immediate(),
    get inTransaction() {
      return db.inTransaction
    },
    sqlite: db,
    get open() {
      return db.open
    },
    close: () => db.close()
  }
}

/** SQLite takes no booleans: they are 0 and 1 there. */
function toSqlite(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value
}
