// A thread of the engine's own: the writer (every command, the jobs, the outbox's background sync) or the
// reporter (the queries that read for seconds: report previews and exports). It builds the same slices
// as the in-process engine, over a connection of its own, and answers the router through the protocol.
import { parentPort } from 'node:worker_threads'
import { api } from '../../../shared/api'
import { chromiumPrinter } from '../../pdf/chromium-printer'
import { createContext, type EngineContext } from '../context'
import { dispatch, errorMessage } from '../door'
import { openAsApp, SLICES } from '../engine'
import type { PdfPrinter } from '../reports/pdf'
import { combineSlices, type AnyHandler } from '../slice'
import { ANSWERS, type FromWorker, type ToWorker, type WorkerOptions, type WorkerRole } from './protocol'

const port = parentPort!
const send = (message: FromWorker) => port.postMessage(message)

let context: EngineContext | null = null
let handlers: Map<string, AnyHandler> = new Map()
const printing = new Map<number, { resolve(pdf: Buffer): void; reject(error: Error): void }>()
let lastPrint = 0

/** Prints through the router (the desktop's Electron printer lives there). */
const printThroughRouter: PdfPrinter = (request) =>
  new Promise((resolve, reject) => {
    const id = ++lastPrint
    printing.set(id, { resolve, reject })
    send({ type: 'print', id, request })
  })

async function start(role: WorkerRole, options: WorkerOptions): Promise<void> {
  const printToPdf = options.printer === 'chromium' ? chromiumPrinter : options.printer === 'router' ? printThroughRouter : undefined
  // The reporter writes a little too: which statements of reasons went out.
  context = createContext({ ...options, printToPdf }, (event) => send({ type: 'event', event }))
  handlers = combineSlices(SLICES, context, api, ANSWERS[role])
  if (role === 'writer') {
    if (options.openAsApp) await openAsApp(context, handlers, options.openAsApp.demo)
    if (options.autoSync) context.sync.startLoop()
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'start':
      start(message.role, message.options).then(
        () => send({ type: 'ready' }),
        (error: unknown) => send({ type: 'failed', error: errorMessage('start', error) })
      )
      break
    case 'call':
      void dispatch(handlers, message.name, message.input, message.caller).then((reply) => send({ type: 'reply', id: message.id, reply }))
      break
    case 'printed': {
      const waiting = printing.get(message.id)
      printing.delete(message.id)
      if (message.pdf) waiting?.resolve(Buffer.from(message.pdf))
      else waiting?.reject(new Error(message.error ?? 'Printing failed.'))
      break
    }
    case 'close':
      void (context?.close() ?? Promise.resolve()).finally(() => {
        send({ type: 'closed' })
        port.close()
      })
      break
  }
})
