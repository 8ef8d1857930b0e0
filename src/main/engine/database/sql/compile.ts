// Kysely as a compiler only: it turns a `sql` template into each database's text and values.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type RawBuilder
} from 'kysely'
import type { DialectName } from './sql'

const compilers: Record<DialectName, Kysely<unknown>> = {
  sqlite: new Kysely<unknown>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler()
    }
  }),
  postgres: new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler()
    }
  })
}

export function compile(dialect: DialectName, query: RawBuilder<unknown>): { text: string; values: unknown[] } {
  const compiled = query.compile(compilers[dialect])
  return { text: compiled.sql, values: compiled.parameters as unknown[] }
}
