// The local scorer spread over worker threads, one per core: a long scoring job keeps several batches in
// flight (run-scorer.ts) while the main thread only reads and writes the database. Threads start with the
// pool and end with close(); a batch sent to a thread is answered even after a cancel, so nothing is lost.
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { spawnWorker } from '../../../threads/spawn-worker'
import type { ParallelScorer, ScoreResult, Scorer } from '../../scorer'
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './messages'

const startWorker = (setup: WorkerSetup): Worker => spawnWorker('scoring-worker', __dirname, setup)

interface Pending {
  resolve(results: ScoreResult[]): void
  reject(error: Error): void
}

/**
 * A pool scoring like `scorer` (the in-process local scorer for `modelPath`: same name, version and
 * batch size) on `threads` worker threads (default: one per core).
 */
export function createScoringPool(scorer: Scorer, modelPath: string, threads = availableParallelism()): ParallelScorer {
  const workers = Array.from({ length: Math.max(1, threads) }, () => startWorker({ modelPath }))
  const pending = new Map<number, Pending>()
  const load = workers.map(() => 0)
  let lastId = 0
  let failure: Error | null = null

  workers.forEach((worker, index) => {
    worker.on('message', (response: WorkerResponse) => {
      const waiting = pending.get(response.id)
      pending.delete(response.id)
      load[index]--
      if ('error' in response) waiting?.reject(new Error(response.error))
      else waiting?.resolve(JSON.parse(response.results) as ScoreResult[])
    })
    worker.on('error', (error) => {
      // A thread that dies takes its batches with it: fail them, and every later call, loudly.
      failure = error
      for (const waiting of pending.values()) waiting.reject(error)
      pending.clear()
    })
  })

  return {
    ...scorer,
    parallel: undefined,
    // Bigger batches than in-process, each saved in one commit: a commit writes every index page its
    // comments moved, and 10,000 comments share most of those pages. At 1M comments: 2,000 a batch scored
    // 11,000/s, 10,000 16,300/s, 20,000 15,600/s; a decision waits behind one such commit, about 0.5 s.
    batchSize: scorer.batchSize * 20,
    // One batch being scored in each thread and one waiting behind it, so no thread idles between batches.
    concurrency: workers.length * 2,
    score(texts) {
      if (failure) return Promise.reject(failure)
      const id = ++lastId
      const least = load.indexOf(Math.min(...load))
      load[least]++
      return new Promise<ScoreResult[]>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        workers[least].postMessage({ id, texts } satisfies WorkerRequest)
      })
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()))
    }
  }
}
