// The Sql interface over a better-sqlite3 connection: compiled statements are prepared once and kept.
import type Database from 'better-sqlite3'
import type { RawBuilder } from 'kysely'
import { compile } from './compile'
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
    dialect: 'sqlite',
    all: <R>(query: RawBuilder<R>) => {
      const { statement, values } = prepare(query)
      return statement.all(...values) as R[]
    },
    get: <R>(query: RawBuilder<R>) => {
      const { statement, values } = prepare(query)
      return statement.get(...values) as R | undefined
    },
    run(query) {
      const { statement, values } = prepare(query)
      return statement.run(...values).changes
    },
    *chunks<R>(query: RawBuilder<R>, size: number) {
      const { statement, values } = prepare(query)
      let chunk: R[] = []
      for (const row of statement.iterate(...values) as Iterable<R>) {
        chunk.push(row)
        if (chunk.length >= size) {
          yield chunk
          chunk = []
        }
      }
      if (chunk.length) yield chunk
    },
    exec: (script) => void db.exec(script),
    transaction: (work) => db.transaction(work)(),
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
