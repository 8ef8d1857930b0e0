import { describe, expect, it } from 'vitest'
import type { Client } from '../../src/shared/api'
import type { JobSnapshot } from '../../src/shared/model'
import { selfSignedCertificate, startFaultyServer, type Fault, type FaultyServer } from '../support/faulty-server'
import { finished } from '../support/jobs'
import { startModerationServer } from '../support/openai-moderation-server'
import { redirectPerspective } from '../support/perspective-redirect'
import { startPerspectiveServer } from '../support/perspective-server'
import { comment, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'

// Network faults between Sieve and the cloud scorers, injected by a server in front of a loopback
// OpenAI-compatible or Perspective server: resets and silence are retried and then fail with a sentence
// that says so, a late answer within the limit is fine, broken JSON is never stored as scores, scores
// saved before a failure stay, and the engine answers while a scoring job waits on a silent server.
// A certificate nobody signed is refused at once, never retried.

const OPENAI_KEY = 'sk-test-0123456789abcdef'
const PERSPECTIVE_KEY = 'AIzaSy-test-key-0123456789'
/** Fast retries, three tries; a silent server costs 0.3 s a try. */
const QUICK = { requestsPerSecond: 1000, retryBaseMs: 1, retryMaxMs: 50, maxAttempts: 3, timeoutMs: 300 }

interface Case {
  scorer: 'openai' | 'perspective'
  /** How the scorer's failure sentence starts. */
  service: RegExp
  /** The faulty server in front of a working loopback service, with the scorer pointed at it. */
  serve(client: Client, settings: Record<string, unknown>, tls?: { key: string; cert: string }): Promise<FaultyServer>
}

const cases: Case[] = [
  {
    scorer: 'openai',
    service: /^The moderation service at http:\/\/127\.0\.0\.1:\d+/,
    async serve(client, settings, tls) {
      const upstream = await startModerationServer(OPENAI_KEY)
      const server = await startFaultyServer({ upstream: upstream.baseUrl, tls })
      await client.call('configureScorer', { name: 'openai', settings: { ...QUICK, baseUrl: server.url, batchSize: 1, ...settings }, key: OPENAI_KEY })
      return server
    }
  },
  {
    scorer: 'perspective',
    service: /^The Perspective API/,
    async serve(client, settings, tls) {
      const upstream = await startPerspectiveServer(PERSPECTIVE_KEY)
      const server = await startFaultyServer({ upstream: upstream.origin, tls })
      redirectPerspective(server.url)
      await client.call('configureScorer', { name: 'perspective', settings: { ...QUICK, ...settings }, key: PERSPECTIVE_KEY })
      return server
    }
  }
]

async function engineWith(texts: string[]): Promise<{ engine: TestEngine; client: Client }> {
  const dir = tempDir()
  const engine = await tempEngine({}, dir)
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', texts.map((text, i) => comment(`n${i}`, text))) })
  return { engine, client: engine.client }
}

const scored = (engine: TestEngine, scorer: string) =>
  (engine.db.prepare('SELECT count(*) AS n FROM scorings WHERE scorer = ?').get(scorer) as { n: number }).n
const stored = (engine: TestEngine, scorer: string) =>
  (engine.db.prepare('SELECT count(*) AS n FROM scores WHERE scorer = ?').get(scorer) as { n: number }).n

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((wake) => setTimeout(wake, 10))
}

describe.each(cases)('$scorer scorer through a faulty network', ({ scorer, service, serve }) => {
  const stateOf = async (client: Client) => (await client.call('scorers', {})).find((entry) => entry.name === scorer)!
  const score = async (client: Client): Promise<JobSnapshot> => finished(client, await client.call('startScoring', { scorer }))

  it.each<[string, Fault, RegExp]>([
    ['a reset connection', 'reset', /is not answering \(no answer \(the connection failed\), 3 tries\)/],
    ['a server that never answers', 'hang', /is not answering \(no answer within 0\.3 s, 3 tries\)/]
  ])('%s: retried, then the job fails saying so', async (_, fault, says) => {
    const { engine, client } = await engineWith(['You idiot'])
    const server = await serve(client, {})
    server.fault = fault
    const job = await score(client)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(service)
    expect(job.message).toMatch(says)
    expect(job.message).toMatch(/local scorer/)
    expect(server.log).toHaveLength(3)
    expect(await stateOf(client)).toMatchObject({ state: 'error' })
    expect(scored(engine, scorer)).toBe(0)
  })

  it('a certificate nobody signed: refused at once, saying TLS', async (context) => {
    const certificate = selfSignedCertificate()
    if ('missing' in certificate) {
      console.warn(`Skipping the TLS case: ${certificate.missing}`)
      return context.skip()
    }
    const { engine, client } = await engineWith(['You idiot'])
    const server = await serve(client, {}, certificate)
    const job = await score(client)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/^The secure connection to .* failed \(TLS: .*certificate.*\)/)
    // Not retried: trying again cannot help. (The server hears of the refusal a moment after the client.)
    await expect.poll(() => server.refusedHandshakes).toBe(1)
    expect(server.log).toEqual([])
    expect(scored(engine, scorer)).toBe(0)
  })

  it('a slow answer within the time limit is scored', async () => {
    const { engine, client } = await engineWith(['You idiot', 'A fair point'])
    const server = await serve(client, { timeoutMs: 5_000 })
    server.fault = { slowMs: 400 } // longer than QUICK's limit, well within this one
    const job = await score(client)
    expect(job).toMatchObject({ state: 'done', message: expect.stringMatching(/^Scored 2 comments/) })
    expect(scored(engine, scorer)).toBe(2)
    expect(stored(engine, scorer)).toBeGreaterThan(0)
  })

  it('a 200 with broken JSON fails visibly, not retried, and stores nothing', async () => {
    const { engine, client } = await engineWith(['You idiot'])
    const server = await serve(client, {})
    server.fault = 'malformed'
    const job = await score(client)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(service)
    expect(job.message).toMatch(/answered, but not in .*format.*no scores were saved from it/)
    expect(server.log).toHaveLength(1)
    expect(await stateOf(client)).toMatchObject({ state: 'error' })
    expect(scored(engine, scorer)).toBe(0)
    expect(stored(engine, scorer)).toBe(0)
  })

  it('a 200 with JSON of the wrong shape stores nothing either', async () => {
    const { engine, client } = await engineWith(['You idiot'])
    const server = await serve(client, {})
    // One result without scores (OpenAI's shape), no attributeScores (Perspective's).
    server.fault = { json: { results: [{ flagged: false }] } }
    const job = await score(client)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/answered, but not in .*format.*no scores were saved from it/)
    expect(scored(engine, scorer)).toBe(0)
  })

  it('scores saved before the network failed are kept, and the next run scores only the rest', async () => {
    const { engine, client } = await engineWith(['You idiot', 'I will kill you', 'A fair point'])
    const server = await serve(client, {})
    let requests = 0
    server.fault = () => (++requests === 1 ? 'pass' : 'reset')
    const job = await score(client)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/1 of 3 comments were scored before it stopped; their scores are kept\./)
    expect(scored(engine, scorer)).toBe(1)

    server.fault = 'pass'
    expect(await score(client)).toMatchObject({ state: 'done', message: expect.stringMatching(/^Scored 2 comments/) })
    expect(scored(engine, scorer)).toBe(3)
  })

  it('a job waiting on a silent server: the engine keeps answering, and cancel ends it', async () => {
    const { client } = await engineWith(['You idiot', 'A fair point'])
    // A long limit: only cancelling can end this job within the test.
    const server = await serve(client, { timeoutMs: 120_000 })
    server.fault = 'hang'
    const job = await client.call('startScoring', { scorer })
    await until(() => server.log.length > 0)

    const counts = await client.call('counts', {})
    const page = await client.call('queuePage', { filter: { queue: 'review' }, limit: 10 })
    expect(counts).toBeDefined()
    expect(page.rows.length).toBeGreaterThan(0)
    expect((await client.call('job', { jobId: job.id })).state).toBe('running') // they answered while it waited

    await client.call('cancelJob', { jobId: job.id })
    const ended = await finished(client, job)
    expect(ended).toMatchObject({ state: 'cancelled', message: expect.stringMatching(/^Cancelled: 0 of 2 comments were scored/) })
  })
})
