import { expect, it } from 'vitest'
import { secretEnvName } from '../../../src/main/engine/secrets/secret-store'
import { passwordSecret } from '../../../src/main/engine/sources/platform-sources'
import { sql } from '../../../src/main/engine/database/sql/sql'
import type { WordPressSite } from '../../support/wordpress'
import { useTestSite } from '../../support/wordpress-test-site'
import { approvedColumn, insertComments, type LoggingProxy } from '../../support/wordpress-fixtures'
import { loginName, teamDatabase, teamEngine } from '../../support/team'
import { tempDir } from '../../support/temp-engine'
import { startSync } from '../../support/sync-process'

// A team's outbox pushed from two desktops at once, one of them killed with SIGKILL mid-push: every
// decision reaches WordPress exactly once. Checked in WordPress's own database and in the log of a proxy
// between Sieve and WordPress (one accepted status change per comment, no more).

const COUNT = 600

let site: WordPressSite
let proxy: LoggingProxy
let postId: number

useTestSite('Team sync story', (ready) => ({ site, proxy, postId } = ready))

/** `sieve --db <team> sync` as a desktop of its own, logged in with `password`, the site's password in its environment. */
const syncAs = (url: string, password: string) =>
  startSync(url, { PGPASSWORD: password, XDG_CONFIG_HOME: tempDir(), [secretEnvName(passwordSecret('Newsroom'))]: site.users.admin.appPassword })

const totalWrites = () => [...proxy.acceptedWrites().values()].reduce((a, b) => a + b, 0)

it('two desktops pushing one team outbox at once, one killed mid-push: every decision reaches WordPress once', async () => {
  const ids = await insertComments(site, postId, COUNT, 'hold', 'Teamsync')
  const team = await teamDatabase()
  const lead = loginName('lead')
  const engine = await teamEngine(team, lead, team.addLogin(lead, true), { now: () => new Date() })
  await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users.admin.user, password: site.users.admin.appPassword })
  await engine.call('pullNow', {})
  const bulk = await engine.call('decide', { filter: { queue: 'all', article: String(postId) }, action: 'approve' })
  expect(bulk.changed).toBe(COUNT)
  await engine.close()
  proxy.log.length = 0

  const [maya, ravi] = [loginName('maya'), loginName('ravi')]
  const desktops = { [maya]: syncAs(team.urlFor(maya), team.addLogin(maya)), [ravi]: syncAs(team.urlFor(ravi), team.addLogin(ravi)) }
  // Whichever desktop holds the push is killed once WordPress has accepted a hundred of the changes.
  while (totalWrites() < 100) await new Promise((wake) => setTimeout(wake, 20))
  const holder = team.sql.get<{ name: string }>(
    sql`SELECT a.usename AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (hashtext('sieve:sync')::bigint & 4294967295)::oid`
  )!.name
  desktops[holder].child.kill('SIGKILL')
  expect((await desktops[holder].exited).signal).toBe('SIGKILL')
  const other = await desktops[holder === maya ? ravi : maya].exited
  expect(other.code, other.output).toBe(0)

  // What the killed desktop left is pushed by the next sync; nothing twice.
  const again = await syncAs(team.urlFor(maya), team.addLogin(maya)).exited
  expect(again.code, again.output).toBe(0)
  const final = await approvedColumn(site, ids)
  expect(ids.filter((id) => final.get(id) !== '1')).toEqual([])
  const accepted = proxy.acceptedWrites()
  expect(ids.filter((id) => accepted.get(id) !== 1)).toEqual([])
  expect(accepted.size).toBe(COUNT)
  expect(team.sql.all(sql`SELECT state, count(*) AS n FROM outbox GROUP BY state`)).toEqual([{ state: 'synced', n: COUNT }])
}, 300_000)
