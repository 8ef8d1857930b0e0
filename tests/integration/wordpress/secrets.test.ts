// Secrets never leak: a WordPress application password and a scorer API key are planted, then Sieve pulls,
// scores, decides, syncs, exports, reports, backs up and fails on purpose — and every file it wrote
// (database, WAL, backups, exports, reports) and every line it printed is searched for them. Only the
// secret store holds them, in a file only its owner can read.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { startModerationServer } from '../../support/openai-moderation-server'
import { runCliAsync } from '../../support/run-cli'
import { tempDir } from '../../support/temp-engine'
import type { WordPressSite } from '../../support/wordpress'
import { useTestSite } from '../../support/wordpress-test-site'
import { insertComments } from '../../support/wordpress-fixtures'

let site: WordPressSite
let postId: number

useTestSite('Secrets test story', (ready) => ({ site, postId } = ready))

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
  )
}

it('keeps the WordPress password and the API key out of every file and every line of output', async () => {
  const dir = tempDir()
  const db = join(dir, 'sieve.db')
  const password = site.users.admin.appPassword
  const apiKey = 'sk-planted-4f1c9e2b7a'
  // What an HTTP client would put on the wire for them, in case anything logs a request.
  const disguises = [password, password.replace(/ /g, ''), apiKey, Buffer.from(`${site.users.admin.user}:${password}`).toString('base64')]
  const server = await startModerationServer(apiKey)
  await insertComments(site, postId, 3, 'hold', 'Secret')
  const outputs: string[] = []
  const sieve = async (args: string[], input?: string, expectCode = 0) => {
    const result = await runCliAsync(['--db', db, ...args], { input })
    outputs.push(result.stdout, result.stderr)
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(expectCode)
    return result
  }

  await sieve(['source', 'add', 'wordpress', '--name', 'Site', '--url', site.url, '--user', site.users.admin.user, '--password-stdin'], password)
  await sieve(['scorer', 'set', 'openai', '--endpoint', server.baseUrl, '--key-stdin'], apiKey)
  await sieve(['pull', '--source', 'Site'])
  await sieve(['score', '--scorer', 'openai'])
  await sieve(['scorers'])
  const ids = (await sieve(['list', '--queue', 'all', '--where', 'search=Secret', '--json'])).stdout
  const [first] = JSON.parse(ids) as { id: string }[]
  await sieve(['act', 'remove', first.id, '--clause', 'spam', '--note', 'planted'])
  await sieve(['sync'])
  await sieve(['export', '--format', 'csv', '--out', join(dir, 'log.csv')])
  await sieve(['export', '--format', 'json', '--out', join(dir, 'log.json')])
  for (const format of ['html', 'csv', 'json', 'sor', 'notices']) {
    await sieve(['report', '--from', '2020-01-01', '--to', '2030-12-31', '--format', format, '--out', join(dir, `report.${format}`)])
  }
  await sieve(['audit', '--comment', first.id])
  await sieve(['backup', '--out', join(dir, 'backups', 'manual.db')])
  // Failing on purpose: a refused key and an unreachable site must not quote what they were given.
  await sieve(['scorer', 'set', 'openai', '--key-stdin'], `${apiKey}-wrong`)
  await insertComments(site, postId, 1, 'hold', 'Later') // a new comment, so the scorer has one to try
  await sieve(['pull', '--source', 'Site'])
  const refused = await runCliAsync(['--db', db, 'score', '--scorer', 'openai'])
  outputs.push(refused.stdout, refused.stderr)
  expect(refused.stderr).toMatch(/refused the API key|API key/)
  await sieve(['source', 'add', 'wordpress', '--name', 'Gone', '--url', 'http://127.0.0.1:9', '--user', 'x', '--password-stdin'], password, 1)

  const written = filesUnder(dir).filter((path) => !path.endsWith('secrets.json'))
  expect(written.some((path) => path.endsWith('sieve.db'))).toBe(true)
  expect(written.length).toBeGreaterThanOrEqual(10)
  for (const path of written) {
    const bytes = readFileSync(path).toString('latin1')
    for (const secret of disguises) expect(bytes.includes(secret), `${path} holds a secret`).toBe(false)
  }
  for (const output of outputs) for (const secret of disguises) expect(output.includes(secret), `output holds a secret: ${output.slice(0, 200)}`).toBe(false)

  const store = join(dir, 'secrets.json')
  expect(statSync(store).mode & 0o777).toBe(0o600)
  expect(readFileSync(store, 'utf8')).toContain(password)
}, 300_000)
