// How the window fares while the engine works: queue pages asked for, one after another, while a bulk
// decision over about 200,000 comments runs, with the engine on its own threads as the app runs it.
import type { Client } from '../src/shared/api'
import { QUEUES, SORTS } from '../src/shared/model'
import { startThreadedEngine } from '../src/main/engine/threads/threaded-engine'
import { clientOf } from '../src/main/transport/in-process'
import type Database from 'better-sqlite3'
import { RESOURCES_DIR } from './paths'

export async function measurePagesDuringBulk(dbPath: string, db: Database.Database, quantile: (values: number[], q: number) => number) {
  const engine = await startThreadedEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator: 'bench', printer: null })
  const client: Client = clientOf(engine)
  try {
    // A date window holding about 200,000 pending comments (the corpus posts one every 20 s, 90% pending).
    const first = db.prepare<[], { t: string }>("SELECT min(created_at) AS t FROM comments WHERE status = 'pending'").get()!.t
    const until = new Date(Date.parse(first) + Math.round(200_000 / 0.9) * 20_000).toISOString()
    const filter = { queue: 'review' as const, since: first, until }
    let running = true
    const started = performance.now()
    const bulk = client.call('decide', { filter, action: 'disable' }).finally(() => (running = false))
    const times: number[] = []
    for (let i = 0; running; i++) {
      const queue = QUEUES[i % QUEUES.length]
      const sort = SORTS[i % SORTS.length]
      const asked = performance.now()
      await client.call('queuePage', { filter: { queue }, sort, limit: 100 })
      times.push(performance.now() - asked)
      // Each page is its own request, as from a window: the thread goes back to its event loop between them.
      await new Promise((next) => setImmediate(next))
    }
    const { changed } = await bulk
    const bulkMs = performance.now() - started
    await client.call('undo', {})
    return {
      figures: { page_ms_p95_during_bulk: Number(quantile(times, 0.95).toFixed(1)) },
      note: `during a bulk decision over ${changed.toLocaleString()} comments (${Math.round(bulkMs)} ms, engine on its own threads): ${times.length} queue pages, p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`
    }
  } finally {
    await engine.close()
  }
}
