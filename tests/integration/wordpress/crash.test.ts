import { join } from 'node:path'
import { expect, it } from 'vitest'
import Database from 'better-sqlite3'
import type { WordPressSite } from '../../support/wordpress'
import { useTestSite } from '../../support/wordpress-test-site'
import { approvedColumn, insertComments, type LoggingProxy } from '../../support/wordpress-fixtures'
import { tempDir, tempEngine } from '../../support/temp-engine'
import { startSync } from '../../support/sync-process'

// kill -9 in the middle of pushing a 1,000-comment bulk decision: after a restart every decision reaches
// WordPress exactly once and none is lost. Checked in WordPress's own database (wp_comments) and in the
// log of a proxy between Sieve and WordPress (one accepted status change per comment, no more).

const COUNT = 1_000

let site: WordPressSite
let proxy: LoggingProxy
let postId: number

useTestSite('Crash test story', (ready) => ({ site, proxy, postId } = ready))

const totalWrites = () => [...proxy.acceptedWrites().values()].reduce((a, b) => a + b, 0)

it('loses no decision and applies none twice when the sync process is killed mid-push', async () => {
  const ids = await insertComments(site, postId, COUNT, 'hold', 'Crash')
  const dir = tempDir()
  const dbPath = join(dir, 'sieve.db')
  const engine = await tempEngine({ now: () => new Date() }, dir)
  await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users.admin.user, password: site.users.admin.appPassword })
  await engine.call('pullNow', {})
  const bulk = await engine.call('decide', { filter: { queue: 'all', article: String(postId) }, action: 'approve' })
  expect(bulk.changed).toBe(COUNT)
  await engine.close()
  proxy.log.length = 0

  // First run: killed with SIGKILL once WordPress has accepted a few hundred of the changes.
  const first = startSync(dbPath)
  while (totalWrites() < 300) {
    const done = await Promise.race([first.exited, new Promise((wake) => setTimeout(wake, 20, null))])
    if (done) throw new Error(`sync finished before it could be killed: ${JSON.stringify(done)}`)
  }
  first.child.kill('SIGKILL')
  expect((await first.exited).signal).toBe('SIGKILL')
  const beforeRestart = totalWrites()
  expect(beforeRestart).toBeLessThan(COUNT)
  const midway = await approvedColumn(site, ids)
  expect([...midway.values()].filter((v) => v === '1').length).toBeGreaterThanOrEqual(beforeRestart)
  expect([...midway.values()].filter((v) => v === '0').length).toBeGreaterThan(0)

  // Restart: the rest goes, nothing twice.
  const second = await startSync(dbPath).exited
  expect(second.code, second.output).toBe(0)
  expect(second.output).toMatch(/Synced \d+; failed 0; conflicts 0; retrying later 0\./)

  const final = await approvedColumn(site, ids)
  expect(ids.filter((id) => final.get(id) !== '1')).toEqual([])
  const accepted = proxy.acceptedWrites()
  expect(ids.filter((id) => accepted.get(id) !== 1)).toEqual([]) // exactly once each
  expect(accepted.size).toBe(COUNT) // and no other comment touched

  const db = new Database(dbPath, { readonly: true })
  try {
    expect(db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`).all()).toEqual([{ state: 'synced', n: COUNT }])
    expect(db.prepare(`SELECT count(*) AS n FROM decisions`).get()).toEqual({ n: COUNT })
  } finally {
    db.close()
  }
}, 300_000)
