// `npm run bench`: builds a deterministic corpus (1,000,000 comments by default), loads it the way a
// moderator would, and prints medians. Figures, not tests: nothing here passes or fails.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import type { Client } from '../src/shared/api'
import { QUEUES, SORTS, type QueuePage } from '../src/shared/model'
import { startEngine } from '../src/main/engine/engine'
import { createScorer } from '../src/main/engine/scoring/scorers'
import { createFileSecretStore } from '../src/main/engine/secrets/secret-store'
import type Database from 'better-sqlite3'
import { openDatabase } from '../src/main/engine/database/database'
import { clientOf } from '../src/main/transport/in-process'
import { writeCorpus } from './corpus'
import { measurePagesDuringBulk } from './during-bulk'
import { RESOURCES_DIR, ROOT } from './paths'
import { measureUi } from './ui'

const options = new Command('bench')
  .option('--size <n>', 'comments in the corpus', (value) => Number(value), 1_000_000)
  .option('--json', 'print one JSON object instead of a table')
  .option('--keep <dir>', 'build in this folder and keep it')
  .option('--no-ui', 'skip the browser measurements')
  .parse()
  .opts<{ size: number; json?: boolean; keep?: string; ui: boolean }>()

const figures: Record<string, number> = {}
const notes: string[] = []
const log = (message: string) => options.json || process.stderr.write(`${message}\n`)

const median = (values: number[]) => quantile(values, 0.5)
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}
async function timed<T>(run: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now()
  const result = await run()
  return [performance.now() - started, result]
}
const round = (value: number, digits = 1) => Number(value.toFixed(digits))

async function main(): Promise<void> {
  const dir = options.keep ?? mkdtempSync(join(tmpdir(), 'sieve-bench-'))
  const corpus = join(dir, 'corpus.ndjson')
  const dbPath = join(dir, 'bench.db')
  try {
    log(`Writing a ${options.size.toLocaleString()}-comment corpus...`)
    await writeCorpus(corpus, { size: options.size, articles: 2000, authors: 100_000 })

    log('Importing (NDJSON, FTS included) in a process of its own...')
    const child = JSON.parse(
      execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(__dirname, 'import-child.ts'), dbPath, corpus], {
        encoding: 'utf8',
        maxBuffer: 1 << 20
      })
    ) as { landed: number; ms: number; maxRssMb: number }
    figures.import_per_s = Math.round(child.landed / (child.ms / 1000))
    figures.rss_mb_import = Math.round(child.maxRssMb)

    const engine = await startEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator: 'bench' })
    const client = clientOf(engine)
    // The bench's own connection, for what it reads to set up its measurements.
    const db = openDatabase(dbPath).sqlite!
    await measureScoring(db, client, dir)
    figures.db_mb_per_1m = round(statSync(dbPath).size / 2 ** 20 / (options.size / 1_000_000))
    await measurePages(client)
    await measureSearch(client)
    // The browser goes before the bulk steps: those empty the queue it measures.
    if (options.ui) Object.assign(figures, await measureUi(dbPath, log))
    await measureBulk(db, client)
    log('Queue pages while a bulk decision over 200,000 comments runs (the engine on its own threads)...')
    const during = await measurePagesDuringBulk(dbPath, db, quantile)
    Object.assign(figures, during.figures)
    notes.push(during.note)
    await measureExport(db, client, dir)
    db.close()
    await engine.close()
    report()
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true })
  }
}

async function measureScoring(db: Database.Database, client: Client, dir: string): Promise<void> {
  log('Scoring with the local scorer...')
  const sample = db.prepare<[], { text: string }>('SELECT text FROM comments LIMIT 20000').all().map((row) => row.text)
  const scorer = createScorer('local', { resourcesDir: RESOURCES_DIR, dataDir: dir, secrets: createFileSecretStore(join(dir, 'secrets.json')), settings: {}, now: () => new Date() })
  // One untimed pass first: a scoring job runs for minutes, so what counts is the scorer once compiled
  // and its per-word caches filled, not its first seconds.
  for (let i = 0; i < sample.length; i += scorer.batchSize) await scorer.score(sample.slice(i, i + scorer.batchSize))
  const cpu = process.cpuUsage()
  const [pureMs] = await timed(async () => {
    for (let i = 0; i < sample.length; i += scorer.batchSize) await scorer.score(sample.slice(i, i + scorer.batchSize))
  })
  const pureCpu = process.cpuUsage(cpu)
  figures.score_local_per_s = Math.round(sample.length / (pureMs / 1000))
  // Per second of CPU: what one core does, whatever else the machine is running meanwhile.
  figures.score_local_cpu_per_s = Math.round(sample.length / ((pureCpu.user + pureCpu.system) / 1e6))
  const jobCpu = process.cpuUsage()
  const [jobMs, progress] = await timed(() => client.call('score', { scorer: 'local' }))
  const jobUsed = process.cpuUsage(jobCpu)
  figures.score_job_per_s = Math.round(progress.done / (jobMs / 1000))
  // All threads' CPU per comment (scoring on the workers, writing on the main thread).
  figures.score_job_cpu_us = round((jobUsed.user + jobUsed.system) / progress.done)
}

async function measurePages(client: Client): Promise<void> {
  log('Queue pages under every queue and sort, first and deep...')
  const times: number[] = []
  for (const queue of QUEUES) {
    for (const sort of SORTS) {
      let after: string | null = null
      for (let page = 0; page < 30; page++) {
        const [ms, result]: [number, QueuePage] = await timed(() => client.call('queuePage', { filter: { queue }, sort, after, limit: 100 }))
        times.push(ms)
        after = result.next
        if (!after) break
      }
    }
  }
  figures.page_ms_p50 = round(median(times))
  figures.page_ms_p95 = round(quantile(times, 0.95))
  const [countsMs] = await timed(() => client.call('counts', {}))
  figures.counts_ms = round(countsMs)
}

async function measureSearch(client: Client): Promise<void> {
  log('Full-text search...')
  const times: number[] = []
  for (const words of ['affidavit', 'idiot', 'sakhalin exxon', 'whatsapp', 'north korea kursk', 'zzzunknown']) {
    for (let run = 0; run < 3; run++) {
      const [ms] = await timed(() => client.call('queuePage', { filter: { queue: 'all', search: words }, limit: 100 }))
      times.push(ms)
    }
  }
  figures.search_ms_p50 = round(median(times))
  figures.search_ms_max = round(Math.max(...times))
}

async function measureBulk(db: Database.Database, client: Client): Promise<void> {
  // A date window holding about 100,000 pending comments (the corpus posts one every 20 s, 90% pending).
  const first = db.prepare<[], { t: string }>("SELECT min(created_at) AS t FROM comments WHERE status = 'pending'").get()!.t
  const until = new Date(Date.parse(first) + Math.round(100_000 / 0.9) * 20_000).toISOString()
  const filter = { queue: 'review' as const, since: first, until }
  const matching = await client.call('count', { filter })
  log(`Bulk approve of ${matching.toLocaleString()} comments, then its undo...`)
  const [bulkMs, result] = await timed(() => client.call('decide', { filter, action: 'approve' }))
  figures.bulk_ms_100k = Math.round((bulkMs * 100_000) / result.changed)
  const [undoMs] = await timed(() => client.call('undo', {}))
  figures.undo_ms_100k = Math.round((undoMs * 100_000) / result.changed)
  notes.push(`bulk: ${result.changed.toLocaleString()} comments in ${Math.round(bulkMs)} ms, undo in ${Math.round(undoMs)} ms`)
}

async function measureExport(db: Database.Database, client: Client, dir: string): Promise<void> {
  log('Approving everything to grow the decision log, then exporting it as CSV...')
  await client.call('decide', { filter: { queue: 'all' }, action: 'approve' })
  const rows = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM decisions').get()!.n
  const path = join(dir, 'decisions.csv')
  const [ms] = await timed(() => client.call('writeReport', { format: 'csv', path }))
  rmSync(path)
  figures.export_ms_1m = Math.round((ms * 1_000_000) / rows)
  notes.push(`export: ${rows.toLocaleString()} decision rows in ${Math.round(ms)} ms`)
}

const TARGETS: Record<string, string> = {
  import_per_s: '≥ 100,000',
  page_ms_p50: '',
  page_ms_p95: '≤ 20',
  counts_ms: '',
  search_ms_p50: '≤ 50',
  search_ms_max: '',
  bulk_ms_100k: '≤ 2,000',
  page_ms_p95_during_bulk: '≤ 100',
  undo_ms_100k: '≤ 2,000',
  export_ms_1m: '≤ 5,000',
  db_mb_per_1m: '',
  rss_mb_import: '≤ 300',
  score_local_per_s: '≥ 20,000',
  score_job_per_s: '≥ 30,000',
  score_local_cpu_per_s: '≥ 20,000',
  score_job_cpu_us: '',
  ui_open_ms: '≤ 1,000',
  ui_step_ms_p50: '≤ 16'
}

function report(): void {
  if (options.json) {
    console.log(JSON.stringify({ comments: options.size, ...figures }))
    return
  }
  console.log(`\nSieve benchmark: ${options.size.toLocaleString()} comments (medians unless named)\n`)
  console.log('| figure | value | target |\n| --- | ---: | --- |')
  for (const [key, value] of Object.entries(figures)) console.log(`| ${key} | ${value.toLocaleString()} | ${TARGETS[key] ?? ''} |`)
  for (const note of notes) console.log(`\n${note}`)
}

void main()
