import { describe, expect, it, vi } from 'vitest'
import type { Client } from '../../src/shared/api'
import { finished } from '../support/jobs'
import { startModerationServer } from '../support/openai-moderation-server'
import { comment, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'

const KEY = 'sk-test-0123456789abcdef'
const QUICK = { requestsPerSecond: 1000, retryBaseMs: 1, retryMaxMs: 50, maxAttempts: 3 }

async function setup(texts: string[], settings: Record<string, unknown> = {}, key: string | null = KEY) {
  const server = await startModerationServer(KEY)
  const dir = tempDir()
  const engine = await tempEngine({}, dir)
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', texts.map((text, i) => comment(`o${i}`, text))) })
  const client = engine.client
  await client.call('configureScorer', { name: 'openai', settings: { ...QUICK, baseUrl: server.baseUrl, ...settings }, ...(key ? { key } : {}) })
  return { server, engine, client }
}

const openai = async (client: Client) => (await client.call('scorers', {})).find((scorer) => scorer.name === 'openai')!
const score = async (client: Client) => finished(client, await client.call('startScoring', { scorer: 'openai' }))
const keyOf = (engine: TestEngine, id: string) => engine.db.prepare<[string], { id: number }>('SELECT id FROM comments WHERE external_id = ?').get(id)!.id

describe('OpenAI-compatible moderation scorer', () => {
  it('sends comments in batches of the configured size and maps categories onto our attributes', async () => {
    const texts = Array.from({ length: 7 }, (_, i) => (i === 0 ? 'You idiot, I will kill you' : `Reasonable comment number ${i}`))
    const { server, engine, client } = await setup(texts, { batchSize: 3, model: 'omni-moderation-latest' })
    const job = await score(client)
    expect(job.message).toMatch(/^Scored 7 comments with OpenAI-compatible moderation \(127\.0\.0\.1:\d+\)\.$/)
    expect(server.batches.map((batch) => batch.length)).toEqual([3, 3, 1])
    expect(server.models).toEqual(['omni-moderation-latest', 'omni-moderation-latest', 'omni-moderation-latest'])

    const detail = await client.call('commentDetail', { key: keyOf(engine, 'o0') })
    const scored = detail.scorers.find((entry) => entry.scorer === 'openai')!
    expect(scored.modelVersion).toBe('omni-moderation-latest')
    expect(scored.scores).toMatchObject({ TOXICITY: 0.88, INSULT: 0.88, THREAT: 0.81, SEVERE_TOXICITY: 0.77 })
    expect(scored.scores.PROFANITY).toBeUndefined()
    const calm = await client.call('commentDetail', { key: keyOf(engine, 'o1') })
    expect(calm.scorers.find((entry) => entry.scorer === 'openai')!.scores.TOXICITY).toBeUndefined() // under 0.01: not kept
  })

  it('sends each distinct text once: duplicates in a batch and re-scoring come from the cache', async () => {
    const { server, engine, client } = await setup(['same text', 'same text', 'same text', 'other text'], { batchSize: 32 })
    await score(client)
    expect(server.batches).toEqual([['same text', 'other text']])
    engine.db.exec("DELETE FROM scores WHERE scorer = 'openai'; DELETE FROM scorings WHERE scorer = 'openai'")
    expect((await score(client)).message).toMatch(/^Scored 4 comments/)
    expect(server.batches).toHaveLength(1)
  })

  it('retries 429 and 500 answers, then scores', async () => {
    const { server, client } = await setup(['one', 'two'])
    server.fail('rate-limited', 2)
    expect((await score(client)).state).toBe('done')
    expect(server.batches).toEqual([['one', 'two']])
    expect((await openai(client)).state).toBe('ready')
  })

  it('gives up on a server that keeps failing, saying so', async () => {
    const { server, client } = await setup(['one'])
    server.fail('server-error')
    const job = await score(client)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/not answering \(HTTP 500, 3 tries\).*local scorer/s)
    expect((await openai(client)).state).toBe('error')
  })

  it('says when the account has no quota left, without retrying', async () => {
    const { server, client } = await setup(['one'])
    server.fail('no-quota')
    expect((await score(client)).message).toMatch(/quota is used up/)
    expect((await openai(client)).state).toBe('quota')
  })

  it('reports a refused key (401) as invalid-key and never repeats the key', async () => {
    const wrong = 'sk-wrong-key-fedcba9876543210'
    const logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'log')]
    const { client } = await setup(['one'], {}, wrong)
    const job = await score(client)
    expect(job.message).toMatch(/refused the API key \(HTTP 401/)
    const state = await openai(client)
    expect(state).toMatchObject({ state: 'invalid-key', hasKey: true })
    expect(JSON.stringify([job, state, logged.map((spy) => spy.mock.calls)])).not.toContain(wrong)
    vi.restoreAllMocks()
  })

  it('needs a key for api.openai.com, and refuses settings that make no sense', async () => {
    const engine = await tempEngine()
    const client = engine.client
    const state = await openai(client)
    expect(state).toMatchObject({ state: 'no-key', label: 'OpenAI moderation', settings: { baseUrl: 'https://api.openai.com', model: 'omni-moderation-latest', batchSize: 32 } })
    await expect(client.call('configureScorer', { name: 'openai', settings: { batchSize: 0 } })).rejects.toThrow(/Settings for openai not saved/)
    await expect(client.call('configureScorer', { name: 'openai', settings: { baseUrl: 'ftp://example.com' } })).rejects.toThrow(/not saved/)
  })
})
