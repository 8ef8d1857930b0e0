import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Client } from '../../src/shared/api'
import { finished } from '../support/jobs'
import { redirectPerspective } from '../support/perspective-redirect'
import { startPerspectiveServer } from '../support/perspective-server'
import { comment, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'

const KEY = 'AIzaSy-test-key-0123456789'
/** Fast enough for tests; the defaults (1 QPS, one second backoff) are for Google. */
const QUICK = { requestsPerSecond: 1000, retryBaseMs: 1, retryMaxMs: 50, maxAttempts: 3 }

async function setup(texts: string[], options: { key?: string | null; now?: () => Date } = {}) {
  const server = await startPerspectiveServer(KEY)
  redirectPerspective(server.origin)
  const dir = tempDir()
  const engine = await tempEngine(options.now ? { now: options.now } : {}, dir)
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', texts.map((text, i) => comment(`p${i}`, text))) })
  const client = engine.client
  const key = options.key === undefined ? KEY : options.key
  await client.call('configureScorer', { name: 'perspective', settings: QUICK, ...(key ? { key } : {}) })
  return { server, engine, client, dir }
}

const perspective = async (client: Client) => (await client.call('scorers', {})).find((scorer) => scorer.name === 'perspective')!
const score = async (client: Client) => finished(client, await client.call('startScoring', { scorer: 'perspective' }))
const keyOf = (engine: TestEngine, id: string) => engine.db.prepare<[string], { id: number }>('SELECT id FROM comments WHERE external_id = ?').get(id)!.id

afterEach(() => vi.restoreAllMocks())

describe('Perspective API scorer', () => {
  it('scores through comments:analyze and the scores show in the comment detail, spans on the right words', async () => {
    const { server, engine, client } = await setup(['What an idiot 🙄 you are', 'A fair point about the budget.'])
    const job = await score(client)
    expect(job.state).toBe('done')
    expect(job.message).toBe('Scored 2 comments with Perspective API.')

    expect(server.requests).toHaveLength(2)
    for (const { key, body } of server.requests) {
      expect(key).toBe(KEY)
      expect(body.doNotStore).toBe(true)
      expect(body.spanAnnotations).toBe(true)
      expect(body.languages).toEqual(['en'])
      expect(Object.keys(body.requestedAttributes!)).toContain('TOXICITY')
    }

    const detail = await client.call('commentDetail', { key: keyOf(engine, 'p0') })
    const scored = detail.scorers.find((entry) => entry.scorer === 'perspective')!
    expect(scored.scores.TOXICITY).toBeCloseTo(0.92)
    expect(scored.scores.INSULT).toBeCloseTo(0.92)
    expect(scored.modelVersion).toBe('v1alpha1 en')
    const calm = await client.call('commentDetail', { key: keyOf(engine, 'p1') })
    expect(calm.scorers.find((entry) => entry.scorer === 'perspective')!.scores.TOXICITY).toBeCloseTo(0.04)

    const spans = engine.db.prepare<[number], { spans: string }>("SELECT spans FROM scores WHERE comment_id = ? AND scorer = 'perspective' AND attribute = 'INSULT'").get(keyOf(engine, 'p0'))!
    const [span] = JSON.parse(spans.spans) as { start: number; end: number }[]
    expect('What an idiot 🙄 you are'.slice(span.start, span.end)).toBe('idiot')
    expect((await perspective(client)).state).toBe('ready')
  })

  it('asks once per distinct text: duplicates and re-scoring come from the cache', async () => {
    const same = 'You idiot, read the article.'
    const { server, engine, client } = await setup([same, same, same, same, same, 'Something else entirely.'])
    expect((await score(client)).message).toBe('Scored 6 comments with Perspective API.')
    expect(server.requests).toHaveLength(2)

    engine.db.exec("DELETE FROM scores WHERE scorer = 'perspective'; DELETE FROM scorings WHERE scorer = 'perspective'")
    expect((await score(client)).message).toBe('Scored 6 comments with Perspective API.')
    expect(server.requests).toHaveLength(2)
    const detail = await client.call('commentDetail', { key: keyOf(engine, 'p3') })
    expect(detail.scorers.find((entry) => entry.scorer === 'perspective')!.scores.TOXICITY).toBeCloseTo(0.92)
  })

  it('waits and retries when throttled (429) or when the service fails (503), then scores', async () => {
    const { server, engine, client } = await setup(['first comment', 'second comment'])
    server.fail('rate-limited', 2)
    expect((await score(client)).message).toBe('Scored 2 comments with Perspective API.')
    await engine.call('importFile', { path: writeNdjson(tempDir(), 'more.ndjson', [comment('p2', 'third comment'), comment('p3', 'fourth comment')]) })
    server.fail('server-error', 1)
    expect((await score(client)).message).toBe('Scored 2 comments with Perspective API.')
    // 2 throttled + 2 scored, then 1 failure + 2 scored.
    expect(server.requests).toHaveLength(7)
    expect((await perspective(client)).state).toBe('ready')
  })

  it('cancels a scoring job at once, even while it waits out a backoff', async () => {
    const { server, client } = await setup(['first comment', 'second comment'])
    await client.call('configureScorer', { name: 'perspective', settings: { retryBaseMs: 60_000, retryMaxMs: 120_000 } })
    server.fail('rate-limited')
    const started = await client.call('startScoring', { scorer: 'perspective' })
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    // A second start joins the running job instead of doubling the request rate.
    expect((await client.call('startScoring', { scorer: 'perspective' })).id).toBe(started.id)
    await client.call('cancelJob', { jobId: started.id })
    const job = await finished(client, started)
    expect(job.state).toBe('cancelled')
    expect(job.message).toMatch(/^Cancelled: 0 of 2 comments were scored/)
    expect(server.requests).toHaveLength(1)
  })

  it('says the quota is used up when throttling outlasts the retries, and keeps the scores it had', async () => {
    const { server, engine, client } = await setup(['first comment'])
    await score(client)
    await engine.call('importFile', { path: writeNdjson(tempDir(), 'more.ndjson', [comment('p9', 'a later comment')]) })
    server.fail('rate-limited')
    const job = await score(client)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/Perspective API quota is used up.*local scorer/s)
    expect(server.requests).toHaveLength(1 + 3)
    const state = await perspective(client)
    expect(state.state).toBe('quota')
    expect(state.detail).toMatch(/quota is used up/)
    const detail = await client.call('commentDetail', { key: keyOf(engine, 'p0') })
    expect(detail.scorers.map((entry) => entry.scorer)).toContain('perspective')
  })

  it('reports an invalid key as such, and the key shows nowhere: not in messages, logs or the database', async () => {
    const wrong = 'AIzaSy-wrong-key-9876543210'
    const logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')]
    const { server, client, engine, dir } = await setup(['a comment'], { key: wrong })
    const job = await score(client)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/refused the API key/)
    expect(server.requests).toHaveLength(1)
    const state = await perspective(client)
    expect(state).toMatchObject({ state: 'invalid-key', hasKey: true })
    expect(state.detail).toMatch(/refused the API key.*local scorer/s)

    const said = JSON.stringify([job, await client.call('scorers', {}), logged.map((spy) => spy.mock.calls)])
    expect(said).not.toContain(wrong)
    engine.db.pragma('wal_checkpoint(TRUNCATE)')
    for (const file of readdirSync(dir).filter((name) => name.startsWith('sieve.db'))) {
      expect(readFileSync(join(dir, file)).includes(wrong), file).toBe(false)
    }

    // A valid key clears the state.
    await client.call('configureScorer', { name: 'perspective', key: KEY })
    expect((await perspective(client)).state).toBe('ready')
    expect((await score(client)).state).toBe('done')
  })

  it('is gone when Google answers 404, and past 2026-12-31 without asking; scores stay', async () => {
    const { server, client } = await setup(['a comment'])
    server.fail('gone')
    const job = await score(client)
    expect(job.message).toMatch(/Perspective API is gone.*local scorer/s)
    expect((await perspective(client)).state).toBe('gone')

    const later = await setup(['a comment'], { now: () => new Date('2027-01-02T09:00:00Z') })
    const state = await perspective(later.client)
    expect(state.state).toBe('gone')
    expect(state.detail).toMatch(/shut the Perspective API down on 2026-12-31.*local scorer/s)
    expect((await score(later.client)).state).toBe('failed')
    expect(later.server.requests).toHaveLength(0)
  })

  it('without a key, says so and offers the local scorer, sending nothing', async () => {
    const { server, client } = await setup(['a comment'], { key: null })
    const state = await perspective(client)
    expect(state).toMatchObject({ state: 'no-key', hasKey: false, remote: true })
    expect(state.detail).toMatch(/no API key.*local scorer/s)
    const job = await score(client)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/no API key/)
    expect(server.requests).toHaveLength(0)
  })
})
