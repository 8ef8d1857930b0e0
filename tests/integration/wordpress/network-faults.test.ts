import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from '../../../src/shared/api'
import type { JobSnapshot } from '../../../src/shared/model'
import { selfSignedCertificate, startFaultyServer, type Fault, type FaultyServer } from '../../support/faulty-server'
import { finished } from '../../support/jobs'
import { tempEngine, type TestEngine } from '../../support/temp-engine'
import { startWordPress, type WordPressSite } from '../../support/wordpress'
import { approvedColumn, createPost, deletePost, insertComments } from '../../support/wordpress-fixtures'

// Network faults between Sieve and a real WordPress, injected by a server in front of it: resets, a
// server that never answers, late answers, broken JSON, 5xx and a certificate nobody signed. Each is
// named precisely, a pull keeps what it got, pushes are retried with backoff and land exactly once, and
// the engine keeps answering while a request hangs.

/** Short enough that a hanging server costs the test half a second. */
const TIMEOUT_MS = 500

let site: WordPressSite
let postId: number

beforeAll(async () => {
  site = await startWordPress()
  postId = await createPost(site, 'Network faults story')
}, 900_000)

afterAll(async () => {
  if (postId) await deletePost(site, postId)
})

function manualClock() {
  let now = Date.now()
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) }
}

/** An engine whose WordPress source is reached through `server`. */
async function engineThrough(server: FaultyServer, options: Parameters<typeof tempEngine>[0] = {}): Promise<TestEngine> {
  const engine = await tempEngine({ requestTimeoutMs: TIMEOUT_MS, ...options })
  await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: server.url, user: site.users.admin.user, password: site.users.admin.appPassword })
  return engine
}

const route = (path: string) => new URL(path, 'http://x').searchParams.get('rest_route') ?? ''
const page = (path: string) => new URL(path, 'http://x').searchParams.get('page')
const held = (path: string) => new URL(path, 'http://x').searchParams.get('status') === 'hold'

async function running(client: Client, job: JobSnapshot): Promise<JobSnapshot> {
  return client.call('job', { jobId: job.id })
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((wake) => setTimeout(wake, 10))
}

describe('test connection names the network fault', () => {
  it.each<[string, Fault, string | undefined, RegExp]>([
    ['a reset connection', 'reset', 'network', /^127\.0\.0\.1:\d+ closed the connection before answering \(\w+\)\.$/],
    ['a server that never answers', 'hang', 'network', /^127\.0\.0\.1:\d+ did not answer within 0\.5 s: the request timed out\.$/],
    ['a 200 with broken JSON', 'malformed', 'not-found', /answered, but not with WordPress's REST API/],
    ['a slow answer within the time limit', { slowMs: 100 }, undefined, /^Connected to 127\.0\.0\.1:\d+ as /]
  ])('%s', async (_, fault, kind, message) => {
    const server = await startFaultyServer({ upstream: site.url })
    server.fault = fault
    const engine = await engineThrough(server)
    const report = await engine.call('testSource', { name: 'Newsroom' })
    expect(report.kind).toBe(kind)
    expect(report.ok).toBe(kind === undefined)
    expect(report.message).toMatch(message)
  })

  it('a certificate nobody signed: TLS, said so', async (context) => {
    const certificate = selfSignedCertificate()
    if ('missing' in certificate) {
      console.warn(`Skipping the TLS case: ${certificate.missing}`)
      return context.skip()
    }
    const server = await startFaultyServer({ upstream: site.url, tls: certificate })
    const engine = await engineThrough(server)
    const report = await engine.call('testSource', { name: 'Newsroom' })
    expect(report).toMatchObject({ ok: false, kind: 'tls' })
    expect(report.message).toMatch(/^The secure connection to 127\.0\.0\.1:\d+ failed \(TLS: .*certificate.*\)\.$/)
    // Nothing reached WordPress: the handshake failed before any request.
    expect(server.log).toEqual([])
  })
})

describe('pulling through a faulty network', () => {
  it('fails visibly mid-pull, keeps the pages it got, and resumes without duplicates', async () => {
    const ids = await insertComments(site, postId, 150, 'hold', 'Faults')
    const server = await startFaultyServer({ upstream: site.url })
    // The usual time limit: a pull also counts the held comments it has, a heavier request than a page.
    const engine = await engineThrough(server, { requestTimeoutMs: 30_000 })
    const client = engine.client
    // The second page of held comments never comes back.
    server.fault = (_, path) => (route(path) === '/wp/v2/comments' && held(path) && page(path) === '2' ? 'reset' : 'pass')

    const failed = await finished(client, await client.call('pull', { source: 'Newsroom' }))
    expect(failed.state).toBe('failed')
    expect(failed.message).toMatch(/^127\.0\.0\.1:\d+ closed the connection before answering/)
    const kept = (engine.db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n
    expect(kept).toBe(100) // the first page landed and stays

    server.fault = 'pass'
    const done = await finished(client, await client.call('pull', { source: 'Newsroom' }))
    expect(done.state, done.message ?? '').toBe('done')
    const ours = engine.db
      .prepare(`SELECT count(*) AS n, count(DISTINCT external_id) AS distinct_ids FROM comments WHERE external_id IN (${ids.map((id) => `'${id}'`).join(',')})`)
      .get()
    expect(ours).toEqual({ n: 150, distinct_ids: 150 })
    // It went on from page 2 of the held comments, not from the start.
    const heldPages = server.log.filter((r) => route(r.path) === '/wp/v2/comments' && held(r.path)).map((r) => `${page(r.path)} ${r.fault}`)
    expect(heldPages.slice(0, 3)).toEqual(['1 pass', '2 reset', '2 pass'])
  })

  it('a pull stuck on a server that never answers: the engine keeps answering, and cancel ends it', async () => {
    const server = await startFaultyServer({ upstream: site.url })
    server.fault = 'hang'
    // A long limit: only cancelling can end this pull within the test.
    const engine = await engineThrough(server, { requestTimeoutMs: 120_000 })
    const client = engine.client
    const job = await client.call('pull', { source: 'Newsroom' })
    await until(() => server.log.length > 0)

    const counts = await client.call('counts', {})
    const queue = await client.call('queuePage', { filter: { queue: 'review' }, limit: 10 })
    expect(counts).toBeDefined()
    expect(queue.rows).toEqual([])
    expect((await running(client, job)).state).toBe('running') // they answered while the pull hung

    await client.call('cancelJob', { jobId: job.id })
    const ended = await finished(client, job)
    expect(ended.state).toBe('cancelled')
  })
})

describe('pushing decisions through a faulty network', () => {
  async function pulledOne(server: FaultyServer) {
    const [id] = await insertComments(site, postId, 1, 'hold', 'FaultPush')
    const clock = manualClock()
    const engine = await engineThrough(server, { now: clock.now, sync: { graceMs: 5_000, backoff: { baseMs: 1_000, maxMs: 8_000 } } })
    await engine.call('pullNow', {})
    const key = (engine.db.prepare('SELECT id FROM comments WHERE external_id = ?').get(String(id)) as { id: number }).id
    await engine.call('decide', { keys: [key], action: 'approve' })
    clock.advance(6_000)
    const outbox = () => engine.db.prepare('SELECT state, attempts FROM outbox').get() as { state: string; attempts: number }
    const writes = () => server.log.filter((r) => r.method === 'POST' && route(r.path) === `/wp/v2/comments/${id}`)
    return { id, engine, clock, outbox, writes }
  }

  it('a reset, a hang and a 503 are retried with backoff; the decision lands once', async () => {
    const server = await startFaultyServer({ upstream: site.url })
    const { id, engine, clock, outbox, writes } = await pulledOne(server)
    const faults: Fault[] = ['reset', 'hang', { status: 503 }]
    server.fault = (method, path) => (method === 'POST' && route(path) === `/wp/v2/comments/${id}` ? (faults.shift() ?? 'pass') : 'pass')

    const said: string[] = []
    for (const expected of [/closed the connection before answering/, /did not answer within 0\.5 s/, /answered 503/]) {
      const report = await engine.call('sync', { dueOnly: true })
      expect(report).toMatchObject({ synced: 0, failed: 0, retrying: 1 })
      expect(report.problems[0].error).toMatch(expected)
      said.push(report.problems[0].error)
      expect(outbox().state).toBe('pending')
      // Backing off: another round right away sends nothing.
      const tried = writes().length
      expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ synced: 0, retrying: 0 })
      expect(writes()).toHaveLength(tried)
      clock.advance(8_000)
    }
    expect(said.every((error) => error.startsWith('Retrying: '))).toBe(true)

    expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ synced: 1, failed: 0, retrying: 0 })
    expect(outbox()).toEqual({ state: 'synced', attempts: 4 })
    expect((await approvedColumn(site, [id])).get(id)).toBe('1')
    // Four tries, of which only the last reached WordPress.
    expect(writes().map((r) => r.fault)).toEqual(['reset', 'hang', '{"status":503}', 'pass'])
    clock.advance(60_000)
    expect(await engine.call('sync', { dueOnly: true })).toMatchObject({ synced: 0, failed: 0, retrying: 0 })
    expect(writes()).toHaveLength(4)
  })

  it('while a push hangs, moderators keep deciding; the push then times out and is retried', async () => {
    const server = await startFaultyServer({ upstream: site.url })
    const [id, other] = await insertComments(site, postId, 2, 'hold', 'FaultBusy')
    const clock = manualClock()
    const engine = await engineThrough(server, { now: clock.now, requestTimeoutMs: 3_000, sync: { graceMs: 5_000, backoff: { baseMs: 1_000, maxMs: 8_000 } } })
    await engine.call('pullNow', {})
    const key = (wpId: number) => (engine.db.prepare('SELECT id FROM comments WHERE external_id = ?').get(String(wpId)) as { id: number }).id
    await engine.call('decide', { keys: [key(id)], action: 'approve' })
    server.fault = (method, path) => (method === 'POST' && route(path) === `/wp/v2/comments/${id}` ? 'hang' : 'pass')

    let settled = false
    const pushing = engine.call('syncNow', {}).finally(() => (settled = true))
    await until(() => server.log.some((r) => r.method === 'POST'))
    const decided = await engine.call('decide', { keys: [key(other)], action: 'remove', clause: 'abusive' })
    const counts = await engine.call('counts', {})
    expect(decided).toBeDefined()
    expect(counts).toBeDefined()
    expect(settled).toBe(false) // both answered while the push was still waiting on the site

    const report = await pushing
    expect(report.problems.find((p) => p.id === String(id))?.error).toMatch(/^Retrying: .* did not answer within 3 s/)
    expect(engine.db.prepare('SELECT count(*) AS n FROM decisions').get()).toEqual({ n: 2 })
  })

  it('a 200 with broken JSON to a push is not taken for success', async () => {
    const server = await startFaultyServer({ upstream: site.url })
    const { id, engine, outbox } = await pulledOne(server)
    server.fault = (method) => (method === 'POST' ? 'malformed' : 'pass')

    const report = await engine.call('sync', { dueOnly: true })
    expect(report).toMatchObject({ synced: 0, failed: 1 })
    expect(report.problems[0].error).toMatch(/answered, but not with WordPress's REST API/)
    expect(outbox().state).toBe('failed')
    expect((await approvedColumn(site, [id])).get(id)).toBe('0')

    server.fault = 'pass'
    expect(await engine.call('retrySync', {})).toMatchObject({ synced: 1 })
    expect((await approvedColumn(site, [id])).get(id)).toBe('1')
  })
})
