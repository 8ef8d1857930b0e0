// One way to speak SQL to either store: SQLite (a moderator alone) or PostgreSQL (a team). Statements
// are written once, as Kysely `sql` templates — Kysely turns their values into each database's
// placeholders — and run synchronously on either. Where the two databases differ (full-text search,
// JSON, a few functions) a store module asks `dialect` for the fragment.
import type Database from 'better-sqlite3'
import type { RawBuilder } from 'kysely'
import type { Dialect } from './dialect'

export { sql, type RawBuilder } from 'kysely'

export type DialectName = 'sqlite' | 'postgres'

export interface Sql {
  /** What this database calls the things the two say differently. */
  readonly dialect: Dialect
  all<R>(query: RawBuilder<unknown>): R[]
  get<R>(query: RawBuilder<unknown>): R | undefined
  /** Runs a statement that returns no rows; how many rows it changed. */
  run(query: RawBuilder<unknown>): number
  /**
   * A long result a chunk at a time (an export of a million decisions never sits in memory whole); with
   * `arrays`, each row is an array of its columns in order (cheaper than an object, a million times over).
   */
  chunks<R>(query: RawBuilder<unknown>, size: number, options?: { arrays?: boolean }): Iterable<R[]>
  /** Several statements without values (migrations). */
  exec(script: string): void
  /** Runs `work` in one transaction (nested: a savepoint); it lands whole or not at all. */
  transaction<T>(work: () => T): T
  /**
   * The same, for what can always be computed again (scores): its commit need not wait for the disk. A
   * crash loses at most the latest such commits, never a decision (theirs wait for the disk as ever).
   */
  relaxedTransaction<T>(work: () => T): T
  /**
   * A transaction that no other connection runs alongside for the same `name` (a claim read and then
   * written, across processes and desktops): SQLite takes its write lock first; PostgreSQL a lock named so.
   */
  serialTransaction<T>(name: string, work: () => T): T
  readonly inTransaction: boolean
  /** SQLite only: the connection itself, for what only SQLite has (online backup, pragmas). */
  readonly sqlite?: Database.Database
  readonly open: boolean
  close(): void
}
