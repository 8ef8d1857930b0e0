// The Sql interface over one PostgreSQL connection, held by a worker thread of its own and reached
// synchronously through the sync bridge: the engine's code is the same on both stores.
import type { RawBuilder } from 'kysely'
import type pg from 'pg'
import { compile } from './compile'
import type { Sql } from './sql'
import { openSyncBridge } from './sync-bridge'

/** A query that takes longer than this is taken for a lost server. */
const QUERY_TIMEOUT_MS = 10 * 60_000

export function postgresSql(config: pg.ClientConfig): Sql {
  const bridge = openSyncBridge('postgres-worker', __dirname, QUERY_TIMEOUT_MS)
  bridge.call('connect', config)
  let open = true
  let depth = 0
  let cursors = 0
  const query = <R>(text: string, values: unknown[] = []) => bridge.call<{ rows: R[]; rowCount: number }>('query', text, values)
  const compiled = <R>(raw: RawBuilder<R>) => {
    const { text, values } = compile('postgres', raw)
    return query<R>(text, values)
  }
  const self: Sql = {
    dialect: 'postgres',
    all: (raw) => compiled(raw).rows,
    get: (raw) => compiled(raw).rows[0],
    run: (raw) => compiled(raw).rowCount,
    *chunks<R>(raw: RawBuilder<R>, size: number) {
      // A cursor lives inside a transaction: the rows come a chunk at a time.
      const { text, values } = compile('postgres', raw)
      const name = `sieve_cursor_${++cursors}`
      const inner = depth > 0
      if (!inner) query('BEGIN')
      try {
        query(`DECLARE ${name} NO SCROLL CURSOR FOR ${text}`, values)
        for (;;) {
          const { rows } = query<R>(`FETCH ${size} FROM ${name}`)
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
