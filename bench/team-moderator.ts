// One simulated moderator of a team, as a process of its own: logged in to the team's database, it
// reads the Review queue a page at a time and decides a few comments of the page (the versions it saw
// sent along) until its time is up, then prints what happened and how long each step took, as JSON.
// The team load test and `npm run bench:team` start several at once.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { startEngine } from '../src/main/engine/engine'
import { clientOf } from '../src/main/transport/in-process'
import { RESOURCES_DIR } from './paths'

const [dbUrl, seconds, seed] = process.argv.slice(2)
const ACTIONS = ['approve', 'disable', 'approve', 'remove'] as const

async function main(): Promise<void> {
  const engine = await startEngine({ dbPath: join(mkdtempSync(join(tmpdir(), 'sieve-moderator-')), 'sieve.db'), dbUrl, resourcesDir: RESOURCES_DIR })
  const client = clientOf(engine)
  let random = Number(seed) || 1
  const next = () => (random = (random * 48271) % 2147483647) / 2147483647
  const result = { skipped: 0, refused: 0, pageMs: [] as number[], decisionMs: [] as number[] }
  const until = Date.now() + Number(seconds) * 1000
  while (Date.now() < until) {
    let started = performance.now()
    const page = await client.call('queuePage', { filter: { queue: 'review' }, sort: 'oldest', limit: 50 })
    result.pageMs.push(performance.now() - started)
    if (page.rows.length === 0) break
    const picked = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => page.rows[Math.floor(next() * page.rows.length)]))]
    const action = ACTIONS[Math.floor(next() * ACTIONS.length)]
    started = performance.now()
    try {
      const reply = await client.call('decide', {
        keys: picked.map((row) => row.key),
        seen: picked.map((row) => row.version),
        action,
        ...(action === 'remove' ? { clause: 'abusive' } : {})
      })
      result.skipped += reply.skipped ?? 0
    } catch (error) {
      if (!/Already .* by /.test((error as Error).message)) throw error
      result.refused++
    }
    result.decisionMs.push(performance.now() - started)
  }
  await engine.close()
  process.stdout.write(JSON.stringify(result) + '\n')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
