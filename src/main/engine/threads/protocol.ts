// What the engine's threads say to each other: the router sends calls, a worker answers them and passes
// on the events its work raises; a worker without a printer of its own asks the router to print.
import type { EngineEvent, Reply } from '../../../shared/api'
import type { EngineOptions } from '../context'
import type { Caller } from '../door'
import type { StartOptions } from '../engine'
import type { PrintRequest } from '../reports/pdf'
import type { Answers } from '../slice'

/** The writer answers the commands (and runs the jobs); the reporter the calls that read for seconds. */
export type WorkerRole = 'writer' | 'reporter'

/** Which calls each thread answers: the router's own reader takes the quick queries. */
export const ANSWERS: Record<WorkerRole | 'reader', Answers> = {
  reader: (spec) => spec.kind === 'query' && !spec.heavy,
  writer: (spec) => spec.kind === 'command' && !spec.heavy,
  reporter: (spec) => spec.heavy
}

/** EngineOptions as they cross to a worker: data only (a worker makes its own clock and secret store). */
export type WorkerOptions = Omit<EngineOptions, 'now' | 'secrets' | 'printToPdf'> &
  Pick<StartOptions, 'openAsApp'> & {
    /** Where PDFs are printed: a headless Chromium in the worker, or whatever printer the router has. */
    printer: 'chromium' | 'router' | null
  }

export type ToWorker =
  | { type: 'start'; role: WorkerRole; options: WorkerOptions }
  | { type: 'call'; id: number; name: string; input: unknown; caller: Caller }
  | { type: 'printed'; id: number; pdf?: Uint8Array; error?: string }
  | { type: 'close' }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'reply'; id: number; reply: Reply<unknown> }
  | { type: 'event'; event: EngineEvent }
  | { type: 'print'; id: number; request: PrintRequest }
  | { type: 'closed' }
