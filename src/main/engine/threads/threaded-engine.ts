// The engine on threads of its own, so that no long work ever holds up the window: this thread routes
// each call and answers the quick queries itself (pages, counts, a comment's detail) on a read-only
// connection; a writer thread answers the commands and runs the jobs; a reporter thread answers the
// queries that read for seconds. SQLite's WAL lets the readers read while the writer writes.
import type { Worker } from 'node:worker_threads'
import { api, callSpec, isCallName, type EngineEvent, type Reply } from '../../../shared/api'
import { createChangeFeed } from '../changes/change-feed'
import { createContext, type EngineOptions } from '../context'
import { createEventHub, dispatch, type Caller, type Engine } from '../door'
import { SLICES, type StartOptions } from '../engine'
import type { PdfPrinter } from '../reports/pdf'
import { combineSlices } from '../slice'
import { ANSWERS, type FromWorker, type ToWorker, type WorkerOptions, type WorkerRole } from './protocol'
import { spawnWorker } from './spawn-worker'

export interface ThreadedOptions extends Omit<EngineOptions, 'now' | 'secrets'>, Pick<StartOptions, 'openAsApp'> {
  /** Print PDFs with a headless Chromium in the worker, or with `printToPdf` here (Electron's). */
  printer: 'chromium' | 'router' | null
}

export async function startThreadedEngine(options: ThreadedOptions): Promise<Engine> {
  const hub = createEventHub()
  const { printToPdf, ...rest } = options
  const workerOptions: WorkerOptions = rest
  // The writer first: it opens the database for writing and brings its schema up to date.
  const writer = await startWorker('writer', workerOptions, hub.emit, printToPdf)
  const reporter = await startWorker('reporter', { ...workerOptions, openAsApp: undefined, autoSync: false }, hub.emit, printToPdf)
  const reader = createContext(options, hub.emit, 'read')
  const queries = combineSlices(SLICES, reader, api, ANSWERS.reader)
  const feed = createChangeFeed(options, reader.secrets, hub.emit)

  return {
    async dispatch(name: unknown, input: unknown, caller: Caller = 'local'): Promise<Reply<unknown>> {
      if (!isCallName(name)) return dispatch(queries, name, input, caller)
      const spec = callSpec(name)
      if (ANSWERS.reader(spec) || (caller === 'window' && spec.local)) return dispatch(queries, name, input, caller)
      const reply = await (ANSWERS.writer(spec) ? writer : reporter).call(name, input, caller)
      // Changes are told at once, without waiting for the file system to say so.
      if (spec.kind === 'command') feed.check()
      return reply
    },
    subscribe: hub.subscribe,
    async close() {
      feed.close()
      await Promise.all([writer.close(), reporter.close()])
      await reader.close()
    }
  }
}

interface EngineWorker {
  call(name: string, input: unknown, caller: Caller): Promise<Reply<unknown>>
  close(): Promise<void>
}

/** A worker thread of the engine, started and ready; a call made after it died says so. */
async function startWorker(role: WorkerRole, options: WorkerOptions, emit: (event: EngineEvent) => void, printToPdf?: PdfPrinter): Promise<EngineWorker> {
  const worker: Worker = spawnWorker('engine-worker', __dirname)
  const waiting = new Map<number, (reply: Reply<unknown>) => void>()
  let lastId = 0
  let closing: (() => void) | null = null
  let dead: string | null = null
  const send = (message: ToWorker) => worker.postMessage(message)

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          return resolve()
        case 'failed':
          return reject(new Error(message.error))
        case 'reply':
          waiting.get(message.id)?.(message.reply)
          waiting.delete(message.id)
          return
        case 'event':
          return emit(message.event)
        case 'print':
          if (!printToPdf) return send({ type: 'printed', id: message.id, error: 'This Sieve has no PDF printer.' })
          printToPdf(message.request).then(
            (pdf) => send({ type: 'printed', id: message.id, pdf: new Uint8Array(pdf) }),
            (error: unknown) => send({ type: 'printed', id: message.id, error: error instanceof Error ? error.message : String(error) })
          )
          return
        case 'closed':
          return closing?.()
      }
    })
    worker.on('error', (error) => {
      dead = `The engine's ${role} thread failed: ${error.message}`
      reject(error)
    })
    worker.on('exit', () => {
      dead ??= `The engine's ${role} thread stopped.`
      for (const answer of waiting.values()) answer({ ok: false, error: dead })
      waiting.clear()
      closing?.()
    })
  })
  send({ type: 'start', role, options })
  await ready
  return {
    call(name, input, caller) {
      if (dead) return Promise.resolve({ ok: false, error: dead })
      const id = ++lastId
      return new Promise((answer) => {
        waiting.set(id, answer)
        send({ type: 'call', id, name, input, caller })
      })
    },
    close() {
      if (dead) return Promise.resolve()
      return new Promise<void>((done) => {
        closing = done
        send({ type: 'close' })
      })
    }
  }
}
