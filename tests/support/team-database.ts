// A team's database for tests (vitest's and Playwright's alike): a fresh database on the machine's test
// PostgreSQL, Sieve's schema put in by its owner (as `team init` does), logins for moderators and leads.
import { connect } from '../../src/main/engine/database/postgres/open'
import type { Sql } from '../../src/main/engine/database/sql/sql'
import { addModerator, initTeam } from '../../src/main/engine/team/team-admin'
import { startPostgres } from './postgres'

export interface TeamDatabase {
  /** The owner's address (no password in it, as Sieve requires). */
  url: string
  name: string
  owner: { user: string; password: string }
  /** The same database, logged in as `user`. */
  urlFor(user: string): string
  /** Adds a login (a moderator, or a lead) with a random password; returns the password. */
  addLogin(name: string, lead?: boolean): string
  /**
   * A lead's login named as a test's moderator ('alice', 'bob'), with a password made from the name: the
   * role belongs to the server, and test files running at once may ask for it together.
   */
  testLogin(name: string): string
  /** A connection as the owner, to arrange and read. */
  sql: Sql
}

/** A fresh team database with Sieve's schema (its owner's connection stays open for the tests that arrange through it). */
export async function teamDatabase(): Promise<TeamDatabase> {
  const server = await startPostgres()
  const fresh = await server.freshDatabase('sieve_team')
  const sql = connect(fresh.url, fresh.password)
  initTeam(sql, fresh.url)
  const passwords = new Map<string, string>([[fresh.owner, fresh.password]])
  return {
    url: fresh.url,
    name: fresh.name,
    owner: { user: fresh.owner, password: fresh.password },
    urlFor: (user) => server.url(fresh.name, user),
    addLogin(name, lead = false) {
      const password = `pw-${name}-${Math.random().toString(36).slice(2)}-x`
      addModerator(sql, name, password, lead)
      passwords.set(name, password)
      return password
    },
    testLogin(name) {
      const password = `sieve-test-login-${name}`
      for (let attempt = 0; ; attempt++) {
        try {
          addModerator(sql, name, password, true)
          return password
        } catch (error) {
          // Another test file created or granted the same role at the same moment.
          if (attempt >= 5) throw error
        }
      }
    },
    sql
  }
}

/** Per test run, login names must be unique across databases (PostgreSQL's roles belong to the server). */
export function loginName(base: string): string {
  return `${base}_${Math.random().toString(36).slice(2, 8)}`
}
