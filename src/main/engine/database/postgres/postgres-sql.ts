// The Sql interface over one PostgreSQL connection, held by a worker thread of its own and reached
// synchronously through the sync bridge: the engine's code is the same on both stores.
import type { RawBuilder } from 'kysely'
import type pg from 'pg'
import { compile } from '../sql/compile'
import { DIALECTS } from '../sql/dialect'
import type { Sql } from '../sql/sql'
import { openSyncBridge } from '../sql/sync-bridge'

/** A query that takes longer than this is taken for a lost server. */
const QUERY_TIMEOUT_MS = 10 * 60_000

export function postgresSql(config: pg.ClientConfig): Sql {
  const bridge = openSyncBridge('postgres-worker', __dirname, QUERY_TIMEOUT_MS)
  bridge.call('connect', config)
  let open = true
  let depth = 0
  let cursors = 0
  const query = <R>(text: string, values: unknown[] = [], arrays = false) => bridge.call<{ rows: R[]; rowCount: number }>('query', text, values, arrays)
  const compiled = <R>(raw: RawBuilder<unknown>) => {
    const { text, values } = compile('postgres', raw)
    return query<R>(text, values)
  }
  const self: Sql = {
    dialect: DIALECTS.postgres,
    all: <R>(raw: RawBuilder<unknown>) => compiled<R>(raw).rows,
    get: <R>(raw: RawBuilder<unknown>) => compiled<R>(raw).rows[0],
    run: (raw) => compiled(raw).rowCount,
    *chunks<R>(raw: RawBuilder<unknown>, size: number, options: { arrays?: boolean } = {}) {
      // A cursor lives inside a transaction: the rows come a chunk at a time.
      const { text, values } = compile('postgres', raw)
      const name = `sieve_cursor_${++cursors}`
      const inner = depth > 0
      if (!inner) query('BEGIN')
      try {
        query(`DECLARE ${name} NO SCROLL CURSOR FOR ${text}`, values)
        for (;;) {
          const { rows } = query<R>(`FETCH ${size} FROM ${name}`, [], options.arrays)
          if (rows.length === 0) break
          yield rows
        }
        query(`CLOSE ${name}`)
        if (!inner) query('COMMIT')
      } catch (error) {
        if (!inner) query('ROLLBACK')
        throw error
      }
    },
    exec: (script) => void query(script),
    transaction<T>(work: () => T): T {
      const savepoint = `sieve_${depth}`
      query(depth === 0 ? 'BEGIN' : `SAVEPOINT ${savepoint}`)
      depth++
      try {
        const result = work()
        depth--
        query(depth === 0 ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`)
        return result
      } catch (error) {
        depth--
        query(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}`)
        throw error
      }
    },
    relaxedTransaction<T>(work: () => T): T {
      return self.transaction(() => {
        // For this transaction only: its commit does not wait for the write-ahead log to reach the disk.
        if (depth === 1) query('SET LOCAL synchronous_commit = off')
        return work()
      })
    },
    serialTransaction<T>(name: string, work: () => T): T {
      return self.transaction(() => {
        // Held until this transaction ends: every other claim under the same name waits for it.
        query('SELECT pg_advisory_xact_lock(hashtext($1))', [name])
        return work()
      })
    },
    get inTransaction() {
      return depth > 0
    },
    get open() {
      return open
    },
    close() {
      if (!open) return
      open = false
      try {
        bridge.call('end')
      } finally {
        bridge.close()
      }
    }
  }
  return self
}
