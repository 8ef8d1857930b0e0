// The writer's side of the parsing thread (parse-worker.ts): its batches as an async iterable, asked for
// a few at a time, and a stop that ends the thread.
import type { Worker } from 'node:worker_threads'
import { spawnWorker } from '../../threads/spawn-worker'
import { UserError } from '../../errors'
import type { CsvMapping } from './csv'
import type { ParsedBatch } from './parsed-batches'
import type { ParseMessage, ParseRequest, ParseSetup } from './parse-worker'

/** Batches parsed ahead of the writer: one being written, the next ones ready. */
const AHEAD = 2

export interface ParsingThread {
  batches: AsyncIterable<ParsedBatch>
  /** CSV only: the columns in use, once the header has been read. */
  mapping(): CsvMapping | undefined
}

export function parseInWorker(setup: ParseSetup): ParsingThread {
  let mapping: CsvMapping | undefined
  async function* batches(): AsyncGenerator<ParsedBatch> {
    // A small heap: the thread holds a few batches (each capped in characters too: parsed-batches.ts), and
    // a collector that runs early keeps the import's memory flat.
    const worker: Worker = spawnWorker('parse-worker', __dirname, setup, { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 })
    const waiting: ParseMessage[] = []
    let wake: (() => void) | null = null
    const arrive = (message: ParseMessage) => {
      waiting.push(message)
      wake?.()
      wake = null
    }
    worker.on('message', arrive)
    worker.on('error', (error) => arrive({ error: error.message, userError: false }))
    worker.on('exit', () => arrive({ error: 'the parsing thread ended before the file did', userError: false }))
    const ask = (request: ParseRequest) => worker.postMessage(request)
    try {
      ask({ more: AHEAD })
      for (;;) {
        while (waiting.length === 0) await new Promise<void>((resolve) => (wake = resolve))
        const message = waiting.shift()!
        if ('mapping' in message) mapping = message.mapping
        else if ('batch' in message) {
          yield message.batch
          ask({ more: 1 })
        } else if ('done' in message) return
        else throw message.userError ? new UserError(message.error) : new Error(message.error)
      }
    } finally {
      worker.removeAllListeners('exit')
      ask({ stop: true })
      await worker.terminate()
    }
  }
  return { batches: batches(), mapping: () => mapping }
}
