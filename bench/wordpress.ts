// `npm run -s bench:wordpress`: pulls and syncs against the newsroom-sized WordPress on Apache with mod_php
// (tests/integration/wordpress/setup-apache.sh), at each size of held queue asked for (default 10,000 and
// 70,000): the first pull, a pull that finds nothing new, a sync of a bulk decision, and the pull after it.
// Requests and bytes are counted by a proxy between Sieve and the site. Figures, not tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command } from 'commander'
import type { Client } from '../src/shared/api'
import { startEngine, type Engine } from '../src/main/engine/engine'
import { clientOf } from '../src/main/transport/in-process'
import { startApacheWordPress, type ApacheSite } from '../tests/support/wordpress'
import { createPost, deletePost, insertComments } from '../tests/support/wordpress-fixtures'
import { countingProxy, type CountingProxy, type Traffic } from './counting-proxy'
import { RESOURCES_DIR } from './paths'

const options = new Command('bench:wordpress')
  .option('--sizes <list>', 'held comments on the site for each run, comma-separated', '10000,70000')
  .option('--decide <n>', 'comments approved in one bulk decision, then synced', (value) => Number(value), 2_000)
  .option('--no-sync', 'measure the pulls only')
  .option('--json', 'print one JSON object instead of a table')
  .parse()
  .opts<{ sizes: string; decide: number; sync: boolean; json?: boolean }>()

const log = (message: string) => options.json || process.stderr.write(`${message}\n`)
const round = (value: number, digits = 1) => Number(value.toFixed(digits))

interface Measured extends Traffic {
  seconds: number
}

async function measure<T>(proxy: CountingProxy, run: () => Promise<T>): Promise<[Measured, T]> {
  proxy.take()
  const started = performance.now()
  const result = await run()
  return [{ seconds: (performance.now() - started) / 1000, ...proxy.take() }, result]
}

function describe(what: string, m: Measured): Record<string, number> {
  return {
    [`${what}_s`]: round(m.seconds, 2),
    [`${what}_requests`]: m.requests,
    [`${what}_kb_up`]: Math.round(m.bytesUp / 1024),
    [`${what}_kb_down`]: Math.round(m.bytesDown / 1024)
  }
}

async function heldOnSite(site: ApacheSite): Promise<number> {
  const [row] = await site.query(`SELECT count(*) AS n FROM wp_comments WHERE comment_approved = '0'`)
  return Number(row.n)
}

async function runSize(site: ApacheSite, size: number): Promise<Record<string, number>> {
  const postId = await createPost(site, `Bench story ${size}`)
  const dir = mkdtempSync(join(tmpdir(), 'sieve-bench-wp-'))
  const proxy = await countingProxy(site.url)
  let engine: Engine | undefined
  try {
    const extra = Math.max(options.decide, size - (await heldOnSite(site)))
    log(`${size.toLocaleString()}: adding ${extra.toLocaleString()} held comments with SQL...`)
    const ours = await insertComments(site, postId, extra, 'hold', 'Bench')
    const held = await heldOnSite(site)
    engine = await startEngine({ dbPath: join(dir, 'sieve.db'), resourcesDir: RESOURCES_DIR, moderator: 'bench' })
    const client: Client = clientOf(engine)
    await client.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users.admin.user, password: site.users.admin.appPassword })
    const pull = () => client.call('pullNow', {}).then((results) => results[0].report)

    log(`${held.toLocaleString()} held: first pull...`)
    const [first] = await measure(proxy, pull)
    log(`  ${round(first.seconds)} s, ${first.requests} requests`)
    const rssMb = Math.round(process.resourceUsage().maxRSS / 1024)

    log('  a pull that finds nothing new...')
    const [nothing, nothingReport] = await measure(proxy, pull)
    log(`  ${round(nothing.seconds, 2)} s, ${nothing.requests} requests, ${Math.round(nothing.bytesDown / 1024)} KiB down`)

    const pulls = { held, ...describe('first_pull', first), first_pull_rss_mb: rssMb, ...describe('nochange_pull', nothing), nochange_pull_updated: nothingReport.updated }
    if (!options.sync) return pulls

    log(`  approving ${options.decide.toLocaleString()} comments and syncing...`)
    const keys = await client.call('findComments', { ids: ours.slice(0, options.decide).map(String) })
    await client.call('decide', { keys, action: 'approve' })
    const [sync, syncReport] = await measure(proxy, () => client.call('sync', { waitMs: 600_000 }))
    log(`  synced ${syncReport.synced} in ${round(sync.seconds)} s`)

    log('  the pull after the sync...')
    const [after, afterReport] = await measure(proxy, pull)
    log(`  ${round(after.seconds, 2)} s, ${after.requests} requests, ${afterReport.updated} reported updated`)

    return {
      ...pulls,
      sync_decisions: syncReport.synced,
      sync_per_s: Math.round(syncReport.synced / sync.seconds),
      sync_requests: sync.requests,
      ...describe('after_sync_pull', after),
      after_sync_pull_updated: afterReport.updated
    }
  } finally {
    await engine?.close()
    await proxy.close()
    await deletePost(site, postId)
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  log('Starting the Apache WordPress (setup-apache.sh)...')
  const site = await startApacheWordPress()
  const sizes = options.sizes.split(',').map(Number)
  const results: Record<number, Record<string, number>> = {}
  for (const size of sizes) results[size] = await runSize(site, size)
  if (options.json) {
    console.log(JSON.stringify(results))
    return
  }
  console.log(`\nSieve against WordPress ${site.wordpress} on Apache with mod_php (${site.url})\n`)
  console.log(`| figure | ${sizes.map((size) => `${size.toLocaleString()} held`).join(' | ')} |`)
  console.log(`| --- | ${sizes.map(() => '---:').join(' | ')} |`)
  for (const key of Object.keys(results[sizes[0]])) console.log(`| ${key} | ${sizes.map((size) => results[size][key].toLocaleString()).join(' | ')} |`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
