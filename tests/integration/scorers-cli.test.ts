import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, runCliAsync } from '../support/run-cli'
import { startModerationServer } from '../support/openai-moderation-server'
import { comment, tempDir, writeNdjson } from '../support/temp-engine'

const KEY = 'sk-cli-test-0123456789'

describe('scorers on the command line', () => {
  it('lists each scorer with its state, one line each', () => {
    const db = join(tempDir(), 'cli.db')
    const listed = runCli(['scorers', '--db', db])
    expect(listed.code).toBe(0)
    const lines = listed.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^local\s+ready\s+offline/)
    expect(lines[1]).toMatch(/^perspective\s+no-key\s+cloud\s+.*no API key.*--key-stdin.*local scorer/)
    expect(lines[2]).toMatch(/^openai\s+no-key\s+cloud/)
  })

  it('takes a key from standard input or the environment, never printing it, and scores with an OpenAI-compatible server', async () => {
    const server = await startModerationServer(KEY)
    const dir = tempDir()
    const db = join(dir, 'cli.db')
    runCli(['import', writeNdjson(dir, 'in.ndjson', [comment('c1', 'you idiot'), comment('c2', 'fine words')]), '--db', db])

    const set = await runCliAsync(['scorer', 'set', 'openai', '--key-stdin', '--endpoint', server.baseUrl, '--qps', '1000', '--batch-size', '8', '--db', db], { input: `${KEY}\n` })
    expect(set.code).toBe(0)
    expect(set.stdout).toMatch(/^openai\s+ready\s+cloud\s+Ready: omni-moderation-latest at http:\/\/127\.0\.0\.1:\d+, 8 comments a request\./)
    expect(set.stdout + set.stderr).not.toContain(KEY)
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain(KEY) // the secret store, beside the database

    const scored = await runCliAsync(['score', '--scorer', 'openai', '--db', db])
    expect(scored.stdout).toMatch(/Scored 2 comments with openai\./)
    expect(server.batches).toEqual([['you idiot', 'fine words']])

    // A refused key: the failure is said plainly, with the way out, and the key is not repeated.
    runCli(['import', writeNdjson(dir, 'more.ndjson', [comment('c3', 'another one')]), '--db', db])
    const wrong = 'sk-wrong-0000000000'
    const refused = await runCliAsync(['score', '--scorer', 'openai', '--db', db], { env: { SIEVE_SECRET_SCORER_OPENAI_KEY: wrong } })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/refused the API key \(HTTP 401.*local scorer/)
    expect(refused.stdout + refused.stderr).not.toContain(wrong)
    expect(runCli(['scorers', '--db', db]).stdout).toMatch(/^openai\s+invalid-key/m)
  })

  it('refuses settings a scorer does not have', () => {
    const db = join(tempDir(), 'cli.db')
    const refused = runCli(['scorer', 'set', 'perspective', '--endpoint', 'http://example.com', '--db', db])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/--endpoint is for openai/)
    expect(runCli(['scorer', 'set', 'openai', '--batch-size', '1000', '--db', db]).stderr).toMatch(/Settings for openai not saved/)
  })
})
