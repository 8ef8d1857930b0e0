// `npm run bench:team`: team mode under load. A team database (--db postgres://OWNER@HOST/DB, password in
// PGPASSWORD; without --db, a fresh database on the test PostgreSQL the suite starts) gets a corpus of
// --size comments; then --moderators processes, each logged in as a moderator of its own, read the Review
// queue a page at a time and decide from it for --seconds. Prints queue-page and decision latencies (p50,
// p95) and what the load did: figures, not tests.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Command } from 'commander'
import { startEngine } from '../src/main/engine/engine'
import { connect } from '../src/main/engine/database/postgres/open'
import { sql } from '../src/main/engine/database/sql/sql'
import { addModerator, initTeam } from '../src/main/engine/team/team-admin'
import { clientOf } from '../src/main/transport/in-process'
import { startPostgres } from '../tests/support/postgres'
import { writeCorpus } from './corpus'
import { RESOURCES_DIR, ROOT } from './paths'

const options = new Command('bench:team')
  .option('--db <url>', "the team database's owner (password in PGPASSWORD); default: a fresh one on the test PostgreSQL")
  .option('--size <n>', 'comments in the corpus', Number, 1_000_000)
  .option('--moderators <n>', 'moderator processes deciding at once', Number, 8)
  .option('--seconds <n>', 'how long they decide', Number, 60)
  .parse()
  .opts<{ db?: string; size: number; moderators: number; seconds: number }>()

const log = (line: string) => process.stderr.write(`${line}\n`)
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]
const ms = (value: number) => `${value.toFixed(1)} ms`

async function main(): Promise<void> {
  const server = options.db ? null : await startPostgres()
  const fresh = server ? await server.freshDatabase('sieve_bench') : null
  const ownerUrl = options.db ?? fresh!.url
  const ownerPassword = fresh?.password ?? process.env.PGPASSWORD
  const owner = connect(ownerUrl, ownerPassword)
  initTeam(owner, ownerUrl)
  const run = Date.now().toString(36)
  const urlFor = (user: string) => {
    const url = new URL(ownerUrl)
    url.username = user
    return url.toString()
  }
  const login = (name: string, lead: boolean) => {
    const password = `bench-${name}-password`
    addModerator(owner, name, password, lead)
    return password
  }

  const dir = mkdtempSync(join(tmpdir(), 'sieve-bench-team-'))
  const corpus = join(dir, 'corpus.ndjson')
  log(`Writing a ${options.size.toLocaleString()}-comment corpus...`)
  await writeCorpus(corpus, { size: options.size, articles: Math.max(10, Math.round(options.size / 500)), authors: Math.max(10, Math.round(options.size / 20)) })
  const lead = `bench_lead_${run}`
  process.env.PGPASSWORD = login(lead, true)
  const engine = await startEngine({ dbPath: join(dir, 'lead', 'sieve.db'), dbUrl: urlFor(lead), resourcesDir: RESOURCES_DIR })
  const client = clientOf(engine)
  log('Importing it into the team database...')
  let started = performance.now()
  const imported = await client.call('importFile', { path: corpus })
  const importSeconds = (performance.now() - started) / 1000
  log(`Imported ${imported.added.toLocaleString()} comments in ${importSeconds.toFixed(1)} s. Scoring them...`)
  started = performance.now()
  await client.call('score', { scorer: 'local' })
  const scoreSeconds = (performance.now() - started) / 1000

  const idle: number[] = []
  for (let i = 0; i < 100; i++) {
    const t = performance.now()
    await client.call('queuePage', { filter: { queue: 'review' }, sort: i % 2 ? 'priority' : 'oldest', limit: 50 })
    idle.push(performance.now() - t)
  }
  await engine.close()

  log(`${options.moderators} moderators decide for ${options.seconds} s...`)
  const outcomes = await Promise.all(
    Array.from({ length: options.moderators }, (_, i) => {
      const name = `bench_m${i}_${run}`
      const password = login(name, false)
      return new Promise<{ skipped: number; refused: number; pageMs: number[]; decisionMs: number[] }>((done, fail) => {
        const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(__dirname, 'team-moderator.ts'), urlFor(name), String(options.seconds), String(i + 1)], {
          env: { ...process.env, PGPASSWORD: password }
        })
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => (out += chunk))
        child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
        child.on('close', (code) => (code === 0 ? done(JSON.parse(out)) : fail(new Error(`moderator ${i} exited ${code}`))))
      })
    })
  )
  const pages = outcomes.flatMap((o) => o.pageMs)
  const decisions = outcomes.flatMap((o) => o.decisionMs)
  const twice = owner.all(sql`SELECT comment_id FROM decisions GROUP BY comment_id HAVING count(*) > 1`).length
  const decided = owner.get<{ n: number }>(sql`SELECT count(*) AS n FROM decisions`)!.n
  owner.close()
  const figures = {
    comments: imported.added,
    import_per_s: Math.round(imported.added / importSeconds),
    scoring_per_s: Math.round(imported.added / scoreSeconds),
    page_ms_p50_idle: quantile(idle, 0.5),
    page_ms_p95_idle: quantile(idle, 0.95),
    moderators: options.moderators,
    seconds: options.seconds,
    decisions: decided,
    decided_twice: twice,
    refused_or_skipped: outcomes.reduce((sum, o) => sum + o.refused + o.skipped, 0),
    page_ms_p50_under_load: quantile(pages, 0.5),
    page_ms_p95_under_load: quantile(pages, 0.95),
    decision_ms_p50: quantile(decisions, 0.5),
    decision_ms_p95: quantile(decisions, 0.95)
  }
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(24)} ${typeof value === 'number' && !Number.isInteger(value) ? ms(value) : value}`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
