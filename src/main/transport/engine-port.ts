// The engine across a process boundary: the desktop runs it in an Electron utility process and the main
// process only relays. One message port carries calls and their replies, the engine's events, and its
// requests to print PDFs (Electron can print only in the main process). Both sides are here, over a
// minimal port so they run on Electron's MessagePortMain and, in tests, on Node's MessagePort alike.
import type { EngineEvent, Reply, Subscribe } from '../../shared/api'
import type { Caller, Engine } from '../engine/door'
import type { PdfPrinter, PrintRequest } from '../engine/reports/pdf'

/** What both kinds of message port offer, once adapted. */
export interface Port {
  post(message: PortMessage): void
  listen(handle: (message: PortMessage) => void): void
  close(): void
}

export type PortMessage =
  | { type: 'call'; id: number; name: string; input: unknown; caller: Caller }
  | { type: 'reply'; id: number; reply: Reply<unknown> }
  | { type: 'event'; event: EngineEvent }
  | { type: 'print'; id: number; request: PrintRequest }
  | { type: 'printed'; id: number; pdf?: Uint8Array; error?: string }
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'close' }
  | { type: 'closed' }

/** The engine's side: answers every call that comes over `port`, tells every event, asks to print. */
export function serveEngineOverPort(engine: Engine, port: Port, onClosed: () => void = () => {}): { printer: PdfPrinter } {
  const printing = new Map<number, { resolve(pdf: Buffer): void; reject(error: Error): void }>()
  let lastPrint = 0
  engine.subscribe((event) => port.post({ type: 'event', event }))
  port.listen((message) => {
    if (message.type === 'call') void engine.dispatch(message.name, message.input, message.caller).then((reply) => port.post({ type: 'reply', id: message.id, reply }))
    if (message.type === 'printed') {
      const waiting = printing.get(message.id)
      printing.delete(message.id)
      if (message.pdf) waiting?.resolve(Buffer.from(message.pdf))
      else waiting?.reject(new Error(message.error ?? 'Printing failed.'))
    }
    if (message.type === 'close') {
      void engine.close().finally(() => {
        port.post({ type: 'closed' })
        onClosed()
      })
    }
  })
  return {
    printer: (request) =>
      new Promise((resolve, reject) => {
        const id = ++lastPrint
        printing.set(id, { resolve, reject })
        port.post({ type: 'print', id, request })
      })
  }
}

/**
 * The relay's side: an Engine whose every call and event crosses `port`, once the other side says it is
 * ready (or why it could not start); prints with `printToPdf` when asked.
 */
export function engineOverPort(port: Port, printToPdf?: PdfPrinter): Promise<Engine> {
  const waiting = new Map<number, (reply: Reply<unknown>) => void>()
  const listeners = new Set<(event: EngineEvent) => void>()
  let closed: (() => void) | null = null
  let lastId = 0
  let started: { resolve(): void; reject(error: Error): void } | null = null
  const ready = new Promise<void>((resolve, reject) => (started = { resolve, reject }))
  port.listen((message) => {
    switch (message.type) {
      case 'ready':
        return started?.resolve()
      case 'failed':
        return started?.reject(new Error(message.error))
      case 'reply':
        waiting.get(message.id)?.(message.reply)
        waiting.delete(message.id)
        return
      case 'event':
        for (const listener of listeners) listener(message.event)
        return
      case 'print':
        if (!printToPdf) return port.post({ type: 'printed', id: message.id, error: 'This Sieve has no PDF printer.' })
        printToPdf(message.request).then(
          (pdf) => port.post({ type: 'printed', id: message.id, pdf: new Uint8Array(pdf) }),
          (error: unknown) => port.post({ type: 'printed', id: message.id, error: error instanceof Error ? error.message : String(error) })
        )
        return
      case 'closed':
        closed?.()
        return
    }
  })
  const subscribe: Subscribe = (listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  const engine: Engine = {
    dispatch: (name, input, caller = 'local') =>
      new Promise((answer) => {
        const id = ++lastId
        waiting.set(id, answer)
        port.post({ type: 'call', id, name: String(name), input, caller })
      }),
    subscribe,
    close: () =>
      new Promise<void>((done) => {
        closed = () => {
          port.close()
          done()
        }
        port.post({ type: 'close' })
      })
  }
  return ready.then(() => engine)
}
