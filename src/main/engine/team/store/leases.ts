// Work only one desktop of a team should do at a time — push the outbox, pull a source, score what
// arrived — held as PostgreSQL session locks: a desktop that dies lets go with its connection, so a
// killed process never leaves the work stuck. Alone on SQLite there is nobody to share with.
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

const team = (db: Db) => db.dialect.name === 'postgres'

/** Takes the lease `name` if no other desktop holds it (always, outside a team). */
export function tryLease(db: Db, name: string): boolean {
  return !team(db) || db.get<{ ok: boolean }>(sql`SELECT pg_try_advisory_lock(hashtext(${name})) AS ok`)!.ok
}

export function endLease(db: Db, name: string): void {
  if (team(db) && db.open) db.run(sql`SELECT pg_advisory_unlock(hashtext(${name}))`)
}

/** Who holds the lease `name`, in words, if another desktop does. */
export function leaseHolder(db: Db, name: string): string | null {
  if (!team(db)) return null
  const holder = db.get<{ who: string }>(
    sql`SELECT a.usename || coalesce(' at ' || host(a.client_addr), '') AS who FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (hashtext(${name})::bigint & 4294967295)::oid AND a.pid <> pg_backend_pid() LIMIT 1`
  )
  return holder ? holder.who : null
}

/** Runs `work` under the lease, or returns `busy()` without running it while another desktop holds it. */
export async function withLease<T>(db: Db, name: string, work: () => Promise<T>, busy: (holder: string) => T): Promise<T> {
  if (!tryLease(db, name)) return busy(leaseHolder(db, name) ?? 'another desktop')
  try {
    return await work()
  } finally {
    endLease(db, name)
  }
}
