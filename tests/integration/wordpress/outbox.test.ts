import { describe, expect, it } from 'vitest'
import type { WordPressSite } from '../../support/wordpress'
import { useTestSite } from '../../support/wordpress-test-site'
import { approvedColumn, insertComments, type LoggingProxy } from '../../support/wordpress-fixtures'
import { tempEngine, type TestEngine } from '../../support/temp-engine'
import type { Action } from '../../../src/shared/model'
import { parseWhere } from '../../../src/shared/filter'

// The outbox against a real WordPress: decisions reach the site after the grace period, mapped to
// WordPress's statuses; undo inside the grace period sends nothing, after it a compensating change;
// changes made in wp-admin meanwhile are conflicts, never overwritten; errors are retried or shown.

let site: WordPressSite
let proxy: LoggingProxy
let postId: number

useTestSite('Outbox test story', (ready) => ({ site, proxy, postId } = ready))

/** A clock the test moves by hand: grace periods and backoff pass without waiting. */
function manualClock() {
  let now = Date.now()
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) }
}

interface Setup {
  engine: TestEngine
  clock: ReturnType<typeof manualClock>
  /** Sieve's key for a WordPress comment id. */
  key(id: number): number
  decide(ids: number[], action: Action, clause?: string): Promise<void>
  wp(ids: number[]): Promise<string[]>
  sync(id: number): Promise<unknown>
}

/** An engine with the test site as a source (through the logging proxy), after a pull of `ids`. */
async function setup(count: number, status: 'hold' | 'approved' = 'hold', user: 'admin' | 'reader' = 'admin'): Promise<Setup & { ids: number[] }> {
  const ids = await insertComments(site, postId, count, status, 'Outbox')
  const clock = manualClock()
  const engine = await tempEngine({ now: clock.now, sync: { graceMs: 5_000, backoff: { baseMs: 1_000, maxMs: 8_000 } } })
  await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users.admin.user, password: site.users.admin.appPassword })
  await engine.call('pullNow', {})
  if (user !== 'admin') await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users[user].user, password: site.users[user].appPassword })
  proxy.log.length = 0
  const key = (id: number) => (engine.db.prepare('SELECT id FROM comments WHERE external_id = ?').get(String(id)) as { id: number }).id
  return {
    ids,
    engine,
    clock,
    key,
    decide: async (targets, action, clause) => {
      await engine.call('decide', { keys: targets.map(key), action, clause })
    },
    wp: async (targets) => {
      const column = await approvedColumn(site, targets)
      return targets.map((id) => column.get(id) ?? 'deleted')
    },
    sync: async (id) => (await engine.call('commentDetail', { key: key(id) })).comment.sync
  }
}

const writes = () => proxy.log.filter((r) => r.method === 'POST')

describe('pushing decisions', () => {
  it('writes a decision and its outbox entry in one transaction, only for comments from a platform', async () => {
    const { engine, ids, key, decide } = await setup(1)
    engine.db.exec(`CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    await expect(decide(ids, 'approve')).rejects.toThrow()
    expect(engine.db.prepare('SELECT count(*) AS n FROM decisions').get()).toEqual({ n: 0 })
    engine.db.exec('DROP TRIGGER refuse_outbox')
    await decide(ids, 'approve')
    expect(engine.db.prepare('SELECT state, comment_id AS key FROM outbox').all()).toEqual([{ state: 'pending', key: key(ids[0]) }])

    await engine.call('loadDemo', {})
    const demo = engine.db.prepare(`SELECT c.id FROM comments c JOIN sources s ON s.id = c.source_id WHERE s.kind = 'demo' LIMIT 3`).all() as { id: number }[]
    await engine.call('decide', { keys: demo.map((row) => row.id), action: 'approve' })
    expect(engine.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 1 })
  })

  it('waits out the grace period, then the site shows the decision; the row says synced', async () => {
    const { engine, ids, clock, decide, wp, sync } = await setup(1)
    await decide(ids, 'approve')
    expect(await sync(ids[0])).toEqual({ state: 'pending' })
    clock.advance(4_000)
    expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ synced: 0 })
    expect(proxy.log).toEqual([])
    expect(await wp(ids)).toEqual(['0'])
    clock.advance(1_500)
    expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ synced: 1, failed: 0 })
    expect(await wp(ids)).toEqual(['1'])
    expect(await sync(ids[0])).toEqual({ state: 'synced' })
    const log = JSON.parse((await engine.call('exportLog', { format: 'json' })).content) as { syncState: string }[]
    expect(log.map((entry) => entry.syncState)).toEqual(['synced'])
    const page = await engine.call('queuePage', { filter: { queue: 'approved', search: `Outbox` }, sort: 'priority', after: null, limit: 50 })
    expect(page.rows.find((row) => row.id === String(ids[0]))?.sync).toEqual({ state: 'synced' })
    // Its author's IP and user agent are still theirs, not Sieve's.
    const [row] = await site.query(`SELECT comment_author_IP AS ip, comment_agent AS agent FROM wp_comments WHERE comment_ID = ${ids[0]}`)
    expect(row).toEqual({ ip: '198.51.100.0', agent: 'Reader agent 0' })
  })

  it('maps approve, remove (trash or spam by clause), disable and enable onto WordPress statuses', async () => {
    const { engine, ids, decide, wp, key } = await setup(4)
    const [a, b, c, d] = ids
    await decide([a], 'approve')
    await decide([b], 'remove', 'abusive')
    await decide([c], 'remove', 'spam')
    await decide([d], 'disable')
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 4, failed: 0, conflicts: 0 })
    expect(await wp(ids)).toEqual(['1', 'trash', 'spam', '0'])
    const local = (id: number) => (engine.db.prepare('SELECT status FROM comments WHERE id = ?').get(key(id)) as { status: string }).status
    expect(local(d)).toBe('disabled') // held upstream, flagged disabled here
    await decide([d, b], 'enable')
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 2 })
    expect(await wp([d, b])).toEqual(['1', '1'])
    // Disabling a held comment leaves it held: nothing to write for that one.
    expect(writes()).toHaveLength(5)
  })

  it('sends nothing for a decision undone inside the grace period', async () => {
    const { engine, ids, clock, decide, wp, sync } = await setup(2)
    await decide(ids, 'remove', 'spam')
    await engine.call('undo', {})
    clock.advance(10_000)
    const report = await engine.call('sync', { dueOnly: true })
    expect(report).toMatchObject({ failed: 0, conflicts: 0 })
    expect(proxy.log).toEqual([]) // not a single request
    expect(await wp(ids)).toEqual(['0', '0'])
    expect(await sync(ids[0])).toEqual({ state: 'synced' })
  })

  it('sends the compensating change for a decision undone after it was pushed', async () => {
    const { engine, ids, decide, wp } = await setup(1)
    await decide(ids, 'remove', 'abusive')
    await engine.call('syncNow', {})
    expect(await wp(ids)).toEqual(['trash'])
    await engine.call('undo', {})
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 1 })
    expect(await wp(ids)).toEqual(['0'])
    await engine.call('redo', {})
    await engine.call('syncNow', {})
    expect(await wp(ids)).toEqual(['trash'])
  })

  it('is idempotent: a comment already in the decided state upstream is done without a write (and without WordPress 500)', async () => {
    const { engine, ids, decide, sync } = await setup(1)
    await site.setCommentStatus(ids[0], 'approved') // a colleague did the same in wp-admin
    await decide(ids, 'approve')
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 1, failed: 0, conflicts: 0 })
    expect(writes()).toEqual([])
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 0 })
    expect(await sync(ids[0])).toEqual({ state: 'synced' })
  })
})

describe('pushes cut off on the way', () => {
  it('neither loses nor repeats a change whose answer was lost, and an undo after it still reaches the site', async () => {
    const { engine, ids, decide, wp, clock } = await setup(1)
    await decide(ids, 'approve')
    proxy.loseAnswer = (_route, method) => (method === 'POST' ? 502 : undefined)
    try {
      expect(await engine.call('syncNow', {})).toMatchObject({ synced: 0, retrying: 1 })
    } finally {
      proxy.loseAnswer = null
    }
    expect(await wp(ids)).toEqual(['1']) // WordPress did it; Sieve does not know yet

    // Retried: read first, found done, not written again.
    clock.advance(10_000)
    expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ synced: 1 })
    expect(proxy.acceptedWrites().get(ids[0])).toBe(1)

    // The same, but undone before the retry: the undo must not assume the site never changed.
    const [other] = await insertComments(site, postId, 1, 'hold', 'Outbox')
    await engine.call('pullNow', {})
    await engine.call('decide', { keys: [(engine.db.prepare('SELECT id FROM comments WHERE external_id = ?').get(String(other)) as { id: number }).id], action: 'approve' })
    proxy.loseAnswer = (_route, method) => (method === 'POST' ? 502 : undefined)
    try {
      await engine.call('syncNow', {})
    } finally {
      proxy.loseAnswer = null
    }
    expect(await wp([other])).toEqual(['1'])
    await engine.call('undo', {})
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 1, conflicts: 0 })
    expect(await wp([other])).toEqual(['0'])
  })
})

describe('conflicts', () => {
  it('does not overwrite a status changed in wp-admin before the push, and shows the conflict until decided again', async () => {
    const { engine, ids, decide, wp, sync } = await setup(1)
    await decide(ids, 'approve')
    await site.setCommentStatus(ids[0], 'spam')
    proxy.log.length = 0
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 0, conflicts: 1 })
    expect(writes()).toEqual([])
    expect(await wp(ids)).toEqual(['spam'])
    expect(await sync(ids[0])).toEqual({ state: 'conflict', error: expect.stringMatching(/Changed in WordPress to "spam".*did not overwrite/) })
    expect((await engine.call('sources', {}))[0]).toMatchObject({ conflicts: 1 })

    await decide(ids, 'remove', 'abusive') // the moderator looked and decided again
    expect(await sync(ids[0])).toEqual({ state: 'pending' })
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 1, conflicts: 0 })
    expect(await wp(ids)).toEqual(['trash'])
  })

  it('marks a comment changed or deleted upstream after a pushed decision at the next pull, keeping the local decision', async () => {
    const { engine, ids, decide, sync, key } = await setup(2)
    await decide(ids, 'approve')
    await engine.call('syncNow', {})
    await site.setCommentStatus(ids[0], 'trash')
    await site.deleteComment(ids[1])
    const [{ report }] = await engine.call('pullNow', {})
    expect(report.conflicts).toBe(1)
    expect(report.deleted).toBeGreaterThanOrEqual(1) // other test files delete their own comments meanwhile
    expect(await sync(ids[0])).toEqual({ state: 'conflict', error: expect.stringMatching(/Changed in WordPress to "trash" \(was "approved"\)/) })
    expect(await sync(ids[1])).toEqual({ state: 'conflict', error: expect.stringMatching(/Deleted in WordPress/) })
    expect(engine.db.prepare('SELECT status FROM comments WHERE id = ?').get(key(ids[0]))).toEqual({ status: 'approved' })
    // The conflicts are a filter away, and no longer count as synced (on this story: other test files delete
    // comments of their own meanwhile, which are conflicts too).
    const filtered = (sync: 'conflict' | 'synced') => engine.call('count', { filter: { queue: 'all', sync, article: String(postId) } })
    expect(await filtered('conflict')).toBe(2)
    expect(await filtered('synced')).toBe(0)
  })
})

describe('settling conflicts', () => {
  it('settles a conflict when the moderator repeats the same decision, and pushes it', async () => {
    const { engine, ids, key, decide, wp, sync } = await setup(1)
    await decide(ids, 'approve')
    await site.setCommentStatus(ids[0], 'spam') // a colleague marked it spam in wp-admin meanwhile
    expect(await engine.call('syncNow', {})).toMatchObject({ conflicts: 1 })
    const again = await engine.call('decide', { keys: [key(ids[0])], action: 'approve' })
    expect(again.changed).toBe(1) // not "0 of 1 changed": deciding again is a decision
    expect(await sync(ids[0])).toEqual({ state: 'pending' })
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 1, conflicts: 0 })
    expect(await wp(ids)).toEqual(['1'])
    expect(await sync(ids[0])).toEqual({ state: 'synced' })
    // A decision that changes nothing is still refused where there is no conflict.
    expect((await engine.call('decide', { keys: [key(ids[0])], action: 'approve' })).changed).toBe(0)
  })

  it('takes a site that already shows the decision as synced, not as a conflict', async () => {
    const { engine, ids, decide, wp, sync } = await setup(2)
    const [agreed, revertedLater] = ids
    await decide(ids, 'remove', 'spam')
    // A colleague marked the first spam in wp-admin before Sieve pushed: the site agrees already.
    await site.setCommentStatus(agreed, 'spam')
    const [{ report }] = await engine.call('pullNow', {})
    expect(report.conflicts).toBe(0)
    expect(await sync(agreed)).toEqual({ state: 'synced' })
    await engine.call('syncNow', {})
    expect(await wp(ids)).toEqual(['spam', 'spam'])

    // The second, changed on the site after the push: a conflict; changed back to spam there: synced again.
    await site.setCommentStatus(revertedLater, 'approved')
    await engine.call('pullNow', {})
    expect(await sync(revertedLater)).toMatchObject({ state: 'conflict' })
    await site.setCommentStatus(revertedLater, 'spam')
    await engine.call('pullNow', {})
    expect(await sync(revertedLater)).toEqual({ state: 'synced' })
    expect(writes().filter((r) => r.route === `/wp/v2/comments/${agreed}`)).toEqual([]) // never written: it was already so
  })

  it('lists conflicts in the Conflicts queue and under sync=conflict from any queue, with both sides', async () => {
    const { engine, ids, key, decide } = await setup(2)
    await decide([ids[0]], 'approve')
    await decide([ids[1]], 'remove', 'abusive')
    await engine.call('syncNow', {})
    await site.setCommentStatus(ids[0], 'spam')
    await site.setCommentStatus(ids[1], 'approved')
    await engine.call('pullNow', {})
    // On this story (other test files delete comments of their own meanwhile: conflicts of theirs).
    const page = await engine.call('queuePage', { filter: { queue: 'conflicts', article: String(postId) }, sort: 'newest', after: null, limit: 50 })
    expect(page.rows.map((row) => [row.id, row.status, row.clause, row.platformStatus, row.sync?.state])).toEqual([
      [String(ids[1]), 'removed', 'abusive', 'approved', 'conflict'],
      [String(ids[0]), 'approved', null, 'spam', 'conflict']
    ])
    expect((await engine.call('counts', {})).conflicts).toBe(await engine.call('count', { filter: { queue: 'conflicts' } }))
    // Either way the conflicts are found whatever queue their decision put them in.
    for (const filter of [parseWhere(`sync=conflict,article=${postId}`), { queue: 'conflicts' as const, article: String(postId) }]) {
      const keys = (await engine.call('queuePage', { filter, sort: 'newest', after: null, limit: 50 })).rows.map((row) => row.key)
      expect(keys.sort()).toEqual(ids.map(key).sort())
    }
  })
})

describe('failures', () => {
  it('retries 503 and 429 with backoff, then pushes', async () => {
    const { engine, ids, clock, decide, wp, sync } = await setup(1)
    await decide(ids, 'approve')
    let refusals = 0
    proxy.intercept = (_route, method) => (method === 'POST' && refusals++ < 2 ? (refusals === 1 ? 503 : 429) : undefined)
    try {
      clock.advance(6_000)
      expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ synced: 0, retrying: 1 })
      expect(await sync(ids[0])).toEqual({ state: 'pending', error: expect.stringMatching(/Retrying: .*503/) })
      expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ synced: 0, retrying: 0 }) // backing off: not yet
      clock.advance(1_000)
      expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ retrying: 1 }) // 429
      clock.advance(2_000)
      expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ synced: 1 })
    } finally {
      proxy.intercept = null
    }
    expect(await wp(ids)).toEqual(['1'])
    expect(engine.db.prepare('SELECT attempts FROM outbox').get()).toEqual({ attempts: 3 })
  })

  it("fails a 4xx visibly with WordPress's message, and pushes on retry once fixed", async () => {
    const { engine, ids, decide, wp, sync } = await setup(1, 'hold', 'reader')
    await decide(ids, 'approve')
    const report = await engine.call('syncNow', {})
    expect(report).toMatchObject({ synced: 0, failed: 1 })
    expect(report.problems[0]).toMatchObject({ source: 'Newsroom', id: String(ids[0]), state: 'failed', error: expect.stringMatching(/403/) })
    expect(await sync(ids[0])).toEqual({ state: 'failed', error: expect.stringMatching(/403 \(rest_forbidden_context\)/) })
    expect((await engine.call('sources', {}))[0]).toMatchObject({ failed: 1 })
    expect(await engine.call('syncNow', {})).toMatchObject({ synced: 0, failed: 0 }) // failed stays failed until retried

    await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users.admin.user, password: site.users.admin.appPassword })
    expect(await engine.call('retrySync', {})).toMatchObject({ synced: 1 })
    expect(await wp(ids)).toEqual(['1'])
  })
})
