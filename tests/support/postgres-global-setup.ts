// Vitest's global setup: the test PostgreSQL is started before any test file runs, so that no test's time
// limit has to cover a first start (an initdb on a fresh machine, or a recovery after the machine stopped
// the server uncleanly), and the databases earlier runs left behind are dropped so they do not pile up.
import { postgresInstalled, startPostgres } from './postgres'

/** The names freshDatabase gives: a prefix, then ten hex digits. */
const LEFT_BEHIND = /^sieve_(test|init|team|bench)_[0-9a-f]{10}$/

export default async function setup(): Promise<void> {
  // Without PostgreSQL only the team-mode tests fail, each saying how to install it.
  if (!postgresInstalled()) return
  const server = await startPostgres()
  const { rows } = await server.query('SELECT datname FROM pg_database')
  for (const { datname } of rows as { datname: string }[]) {
    if (!LEFT_BEHIND.test(datname)) continue
    // A database still in use (another run's) refuses to be dropped, and is kept.
    await server.query(`DROP DATABASE ${datname}`).catch(() => undefined)
    await server.query(`DROP ROLE IF EXISTS ${datname}_owner`).catch(() => undefined)
  }
}
