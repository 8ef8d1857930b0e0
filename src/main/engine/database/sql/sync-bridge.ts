// A synchronous call into a worker thread that does asynchronous work: the caller posts its request,
// sleeps on a shared flag (Atomics.wait) until the worker has answered, then takes the answer off the
// port synchronously. The engine's store is synchronous (SQLite is); PostgreSQL's client is not.
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import { spawnWorker } from '../../threads/spawn-worker'

type Answer = { ok: true; value: unknown } | { ok: false; error: string; code?: string }

export interface SyncBridge {
  call<T>(...args: unknown[]): T
  close(): void
}

/** Starts `module` (in `sourceDir`) as a worker that serves the bridge with serveBridge. */
export function openSyncBridge(module: string, sourceDir: string, timeoutMs: number): SyncBridge {
  const worker = spawnWorker(module, sourceDir)
  const flag = new Int32Array(new SharedArrayBuffer(4))
  const { port1, port2 } = new MessageChannel()
  worker.postMessage({ flag, port: port2 }, [port2])
  worker.unref()
  // A worker that died says why, rather than leaving its caller with no answer.
  let died: string | null = null
  worker.on('error', (error) => (died = error.message))
  worker.on('exit', (code) => (died ??= `it exited (${code})`))
  let closed = false
  /** The answer, once the flag says it was sent (its message may trail the flag by a moment). */
  const take = (): Answer | undefined => {
    for (let waited = 0; waited < 1000; waited += 5) {
      const received = receiveMessageOnPort(port1)
      if (received) return received.message as Answer
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5)
    }
    return undefined
  }
  return {
    call<T>(...args: unknown[]): T {
      if (closed) throw new Error('The connection is closed.')
      Atomics.store(flag, 0, 0)
      port1.postMessage(args)
      if (Atomics.wait(flag, 0, 0, timeoutMs) === 'timed-out') throw new BridgeError(`No answer within ${timeoutMs / 1000} s.`, 'TIMEOUT')
      const answer = take()
      if (!answer) throw new BridgeError(`The database connection's thread answered nothing${died ? `: ${died}` : ''}.`, 'NO_ANSWER')
      if (!answer.ok) throw new BridgeError(answer.error, answer.code)
      return answer.value as T
    },
    close() {
      if (closed) return
      closed = true
      port1.close()
      void worker.terminate()
    }
  }
}

export class BridgeError extends Error {
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message)
  }
}

/** In the worker: answers each request with `handle`, one at a time, in order. */
export function serveBridge(parent: MessagePort, handle: (...args: unknown[]) => Promise<unknown>): void {
  parent.once('message', ({ flag, port }: { flag: Int32Array; port: MessagePort }) => {
    let queue = Promise.resolve()
    port.on('message', (args: unknown[]) => {
      queue = queue.then(async () => {
        let answer: Answer
        try {
          answer = { ok: true, value: await handle(...args) }
        } catch (error) {
          const { message, code } = error as { message?: string; code?: string }
          answer = { ok: false, error: message ?? String(error), code }
        }
        port.postMessage(answer)
        Atomics.store(flag, 0, 1)
        Atomics.notify(flag, 0)
      })
    })
  })
}
