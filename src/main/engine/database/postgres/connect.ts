// Where a team's database is and how to log in to it: a postgres:// address without a password. The
// password comes from PGPASSWORD, ~/.pgpass (the PostgreSQL client reads both) or Sieve's secret store —
// never the address, where the command line, the shell's history and `ps` would show it.
import type pg from 'pg'
import { parse } from 'pg-connection-string'
import { UserError } from '../../errors'

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/** The client's settings for `url`; `password` from the secret store when there is one. */
export function postgresConfig(url: string, password?: string): pg.ClientConfig {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UserError(`"${url.replace(/:[^@/]*@/, ':…@')}" is not a database address (postgres://USER@HOST:PORT/DATABASE).`)
  }
  if (parsed.password) {
    throw new UserError('Put no password in the database address: give it in PGPASSWORD, in ~/.pgpass, or store it with `sieve team login --password-stdin`.')
  }
  if (!parsed.username || parsed.pathname.length < 2) throw new UserError(`The database address needs a user and a database: postgres://USER@${parsed.host || 'HOST'}/DATABASE.`)
  // The address's parts, not the address itself: the client lets an address's (empty) password win over ours.
  const { password: _none, port, ...parts } = parse(url)
  const config: pg.ClientConfig = { ...(parts as pg.ClientConfig), port: port ? Number(port) : undefined, application_name: 'sieve' }
  // Without one, the client reads PGPASSWORD, then ~/.pgpass.
  if (password !== undefined) config.password = password
  return config
}

/** A team database's name, as its address gives it ("newsroom" in postgres://maya@host/newsroom). */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1))
}

/** The name the secret store keeps a team login's password under. */
export function loginKey(url: string): string {
  const parsed = new URL(url)
  return `postgres:${decodeURIComponent(parsed.username)}@${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
}
