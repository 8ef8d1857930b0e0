// Vitest's global setup: the test PostgreSQL is started before any test file runs, so that no test's time
// limit has to cover a first start (an initdb on a fresh machine, or a recovery after the machine stopped
// the server uncleanly), and the databases earlier runs left behind are dropped so they do not pile up.
import { postgresInstalled, startPostgres } from './postgres'

// The names freshDatabase gives, in folders untouched for ten minutes: another run's database that is made
// but not yet connected to is younger, and one in use refuses to be dropped.
const LEFT_BEHIND = `
  SELECT datname FROM pg_database
  WHERE datname ~ '^sieve_(test|init|team|bench)_[0-9a-f]{10}$'
    AND (pg_stat_file('base/' || oid)).modification < now() - interval '10 minutes'`

export default async function setup(): Promise<void> {
  // Without PostgreSQL only the team-mode tests fail, each saying how to install it.
  if (!postgresInstalled()) return
  const server = await startPostgres()
  const { rows } = await server.query(LEFT_BEHIND)
  for (const { datname } of rows as { datname: string }[]) {
    await server.query(`DROP DATABASE ${datname}`).catch(() => undefined)
    await server.query(`DROP ROLE IF EXISTS ${datname}_owner`).catch(() => undefined)
  }
}
