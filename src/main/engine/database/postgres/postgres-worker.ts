// The thread that holds one PostgreSQL connection for an engine thread, and runs its queries as they come.
import { parentPort } from 'node:worker_threads'
import pg from 'pg'
import { serveBridge } from '../sql/sync-bridge'

// Sieve's ids and counts fit in a double: bigint and numeric come back as numbers, as SQLite gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

let client: pg.Client | null = null

serveBridge(parentPort!, async (op, ...args) => {
  switch (op) {
    case 'connect': {
      client = new pg.Client(args[0] as pg.ClientConfig)
      // A lost connection fails the next query with its reason; unheard, it would end this thread.
      client.on('error', () => undefined)
      await client.connect()
      return null
    }
    case 'query': {
      const result = args[2] ? await client!.query({ text: args[0] as string, values: args[1] as unknown[], rowMode: 'array' }) : await client!.query(args[0] as string, args[1] as unknown[])
      return { rows: result.rows, rowCount: result.rowCount ?? 0 }
    }
    case 'end':
      await client?.end()
      client = null
      return null
    default:
      throw new Error(`Unknown operation ${String(op)}.`)
  }
})
