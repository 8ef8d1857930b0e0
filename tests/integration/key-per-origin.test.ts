// A cloud key belongs to the origin it was entered for. Pointing the scorer at another server forgets the
// key (the scorer says no-key, and why); a key is never sent to another origin, whatever changed the
// endpoint; plain http is refused except on this machine. Real loopback servers record what reached them.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileSecretStore } from '../../src/main/engine/secrets/secret-store'
import { writeSetting } from '../../src/main/engine/settings/store/settings'
import { startModerationServer } from '../support/openai-moderation-server'
import { runCli, runCliAsync } from '../support/run-cli'
import { comment, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'

const KEY = 'sk-origin-test-0123456789'
const scorers = (engine: TestEngine) => engine.client
const fast = { requestsPerSecond: 1000, maxAttempts: 1 }

async function twoServers() {
  return { first: await startModerationServer(KEY), second: await startModerationServer(null) }
}

describe('an OpenAI-compatible scorer moved to another endpoint', () => {
  it('forgets the key, says why, and sends the new server nothing until told what to send', async () => {
    const { first, second } = await twoServers()
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'a.ndjson', [comment('c1', 'you idiot')]) })
    await scorers(engine).call('configureScorer', { name: 'openai', settings: { ...fast, baseUrl: first.baseUrl }, key: KEY })
    await engine.call('score', { scorer: 'openai' })
    expect(first.authorizations).toEqual([`Bearer ${KEY}`])

    await engine.call('importFile', { path: writeNdjson(dir, 'b.ndjson', [comment('c2', 'fine words')]) })
    const moved = await scorers(engine).call('configureScorer', { name: 'openai', settings: { baseUrl: second.baseUrl } })
    expect(moved).toMatchObject({ state: 'no-key', hasKey: false })
    expect(moved.detail).toContain(`The API key was entered for ${first.baseUrl}; the endpoint is now ${second.baseUrl}, so Sieve forgot the key`)
    expect(engine.secrets.get('scorer:openai:key')).toBeUndefined()
    await expect(engine.call('score', { scorer: 'openai' })).rejects.toThrow(/entered for/)
    expect(second.authorizations).toEqual([])

    // Told the server needs no key, it scores without one.
    expect(await scorers(engine).call('configureScorer', { name: 'openai', key: null })).toMatchObject({ state: 'ready' })
    await engine.call('score', { scorer: 'openai' })
    expect(second.authorizations).toEqual([undefined])
  })

  it('never sends a key to another origin, even when the endpoint changed behind its back or the key is in the environment', async () => {
    const { first, second } = await twoServers()
    const dir = tempDir()
    const env = { SIEVE_SECRET_SCORER_OPENAI_KEY: KEY }
    const engine = await tempEngine({ secrets: createFileSecretStore(join(dir, 'secrets.json'), undefined, env) }, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'a.ndjson', [comment('c1', 'you idiot')]) })
    await scorers(engine).call('configureScorer', { name: 'openai', settings: { ...fast, baseUrl: first.baseUrl } })
    await engine.call('score', { scorer: 'openai' })
    expect(first.authorizations).toEqual([`Bearer ${KEY}`])

    // The setting changes without configure (another build, a hand edit of the database).
    await engine.call('importFile', { path: writeNdjson(dir, 'b.ndjson', [comment('c2', 'fine words')]) })
    writeSetting(engine.sql, 'scorer.openai', { ...fast, baseUrl: second.baseUrl })
    expect((await scorers(engine).call('scorers', {})).find((scorer) => scorer.name === 'openai')).toMatchObject({ state: 'no-key', hasKey: false })
    await expect(engine.call('score', { scorer: 'openai' })).rejects.toThrow(`The API key was entered for ${first.baseUrl}`)
    // And through configure, back and forth.
    await scorers(engine).call('configureScorer', { name: 'openai', settings: { baseUrl: first.baseUrl } })
    await scorers(engine).call('configureScorer', { name: 'openai', settings: { baseUrl: second.baseUrl } })
    await expect(engine.call('score', { scorer: 'openai' })).rejects.toThrow(/entered for/)
    expect(second.authorizations).toEqual([])
  })

  it('refuses plain http except on this machine', async () => {
    const engine = await tempEngine()
    for (const baseUrl of ['http://moderation.example', 'http://10.0.0.5:8080', 'ftp://moderation.example']) {
      await expect(scorers(engine).call('configureScorer', { name: 'openai', settings: { baseUrl } }), baseUrl).rejects.toThrow(/Settings for openai not saved/)
    }
    await expect(scorers(engine).call('configureScorer', { name: 'openai', settings: { baseUrl: 'http://moderation.example' } })).rejects.toThrow(/plain http/)
    for (const baseUrl of ['http://localhost:8000', 'http://127.0.0.1:8000', 'http://[::1]:8000', 'https://moderation.example']) {
      expect((await scorers(engine).call('configureScorer', { name: 'openai', settings: { baseUrl } })).settings, baseUrl).toMatchObject({ baseUrl })
    }
  })

  it('on the command line, says the key was forgotten and why', async () => {
    const { first, second } = await twoServers()
    const db = join(tempDir(), 'cli.db')
    expect((await runCliAsync(['scorer', 'set', 'openai', '--key-stdin', '--endpoint', first.baseUrl, '--db', db], { input: KEY })).code).toBe(0)
    const moved = runCli(['scorer', 'set', 'openai', '--endpoint', second.baseUrl, '--db', db])
    expect(moved.stdout).toMatch(new RegExp(`^openai\\s+no-key\\s+cloud\\s+The API key was entered for ${first.baseUrl}`))
    expect(runCli(['scorer', 'set', 'openai', '--endpoint', 'http://moderation.example', '--db', db]).stderr).toMatch(/plain http/)
  })
})
