// Long scoring jobs run on worker threads: the same scores as in-process, every comment once, and a
// cancel that keeps what was scored and loses nothing the next run cannot finish.
import { describe, expect, it } from 'vitest'
import { createModelScorer } from '../../src/main/engine/scoring/local/model/model-scorer'
import { PARALLEL_FROM } from '../../src/main/engine/scoring/run-scorer'
import { saveScores } from '../../src/main/engine/scoring/store/scores'
import { comment, RESOURCES_DIR, tempDir, tempEngine, writeNdjson } from '../support/temp-engine'
import { join } from 'node:path'

const MODEL = join(RESOURCES_DIR, 'model', 'local-model.bin')
const texts = (count: number) =>
  Array.from({ length: count }, (_, i) => ['Thanks for the report on the budget', 'you absolute idiot', 'tu chutiya hai', 'we know where you live'][i % 4] + ` ${i}`)

describe('the scoring pool', () => {
  it('scores on worker threads exactly as in this thread', async () => {
    const scorer = createModelScorer(MODEL)
    const pool = scorer.parallel!()
    try {
      const sample = texts(200)
      expect(await Promise.all([pool.score(sample.slice(0, 100)), pool.score(sample.slice(100))]).then((parts) => parts.flat())).toEqual(await scorer.score(sample))
      expect(pool.modelVersion).toBe(scorer.modelVersion)
    } finally {
      await pool.close()
    }
  })

  it('scores a long job on every core, once per comment; a cancel keeps what was scored and the next run finishes the rest', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    // More than the batches a pool keeps in flight (2 per thread), so a cancel lands mid-job.
    const count = PARALLEL_FROM + 15000
    await engine.call('importFile', { path: writeNdjson(dir, 'many.ndjson', texts(count).map((text, i) => comment(`c${i}`, text))) })
    const scoredRows = () => (engine.db.prepare("SELECT count(*) AS n FROM scorings WHERE scorer = 'local'").get() as { n: number }).n

    // Cancelled as soon as it tells progress, as Cancel in the app or Ctrl-C on the command line would.
    const stop = engine.engine.subscribe((event) => {
      if (event.name === 'jobChanged' && event.payload.kind === 'score' && event.payload.state === 'running' && event.payload.done > 0) {
        stop()
        void engine.call('cancelJob', { jobId: event.payload.id })
      }
    })
    const first = await engine.call('score', { scorer: 'local' })
    expect(first.total).toBe(count)
    expect(first.done).toBeGreaterThan(0)
    expect(first.done).toBeLessThan(count)
    // Every comment reported done is saved with its scores and its place in the queues; nothing else is.
    expect(scoredRows()).toBe(first.done)
    const projected = engine.db.prepare('SELECT count(*) AS n FROM comments WHERE scores IS NOT NULL AND uncertainty IS NOT NULL').get() as { n: number }
    expect(projected.n).toBe(first.done)

    const second = await engine.call('score', { scorer: 'local' })
    expect(second.total).toBe(count - first.done)
    expect(second.done).toBe(count - first.done)
    expect(scoredRows()).toBe(count)
    // The insult ranks above the civil comment, whichever thread scored it.
    const priority = (id: string) => (engine.db.prepare('SELECT priority FROM comments WHERE external_id = ?').get(id) as { priority: number }).priority
    expect(priority(`c${count - 3}`)).toBeGreaterThan(priority(`c${count - 4}`) + 0.3)
  })

  it('commits scores without the fsync, and gives the connection its own level back for the decisions after them', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'few.ndjson', texts(3).map((text, i) => comment(`c${i}`, text))) })
    const [{ id, text }] = engine.db.prepare('SELECT id, text FROM comments LIMIT 1').all() as { id: number; text: string }[]
    const result = { commentId: id, text, modelVersion: 'test', scores: { TOXICITY: 0.5 }, spans: [] }
    saveScores(engine.sql, 'local', [result], null, new Date())
    // 2 = FULL: a decision made after the scores still reaches the disk before Sieve says it is made.
    expect(engine.db.pragma('synchronous', { simple: true })).toBe(2)
  })
})
