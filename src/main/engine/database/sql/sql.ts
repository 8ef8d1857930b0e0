// One way to speak SQL to either store: SQLite (a moderator alone) or PostgreSQL (a team). Statements
// are written once, as Kysely `sql` templates — Kysely turns their values into each database's
// placeholders — and run synchronously on either. Where the two databases differ (full-text search,
// JSON, a few functions) a store module asks `dialect` for the fragment.
import type { RawBuilder } from 'kysely'

export { sql, type RawBuilder } from 'kysely'

export type DialectName = 'sqlite' | 'postgres'

export interface Sql {
  readonly dialect: DialectName
  all<R>(query: RawBuilder<R>): R[]
  get<R>(query: RawBuilder<R>): R | undefined
  /** Runs a statement that returns no rows; how many rows it changed. */
  run(query: RawBuilder<unknown>): number
  /** A long result a chunk at a time (an export of a million decisions never sits in memory whole). */
  chunks<R>(query: RawBuilder<R>, size: number): Iterable<R[]>
  /** Several statements without values (migrations). */
  exec(script: string): void
  /** Runs `work` in one transaction (nested: a savepoint); it lands whole or not at all. */
  transaction<T>(work: () => T): T
  readonly open: boolean
  close(): void
}
