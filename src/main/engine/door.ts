// The one door: a call must exist, its input must pass the contract's schema, and a window may not make
// a local call (one that names files on this machine). Every client comes through here, whatever its
// transport, and gets a Reply: errors cross process boundaries as data.
import { z } from 'zod'
import { api, isCallName, type EngineEvent, type Reply, type Subscribe } from '../../shared/api'
import { UserError } from './errors'
import type { AnyHandler } from './slice'
import { storageError } from './database/storage-errors'

/** Who is asking: a window (IPC, HTTP) or a tool of this machine's (the command line, the bench, tests). */
export type Caller = 'window' | 'local'

/** The engine as every client sees it. */
export interface Engine {
  dispatch(name: unknown, input: unknown, caller?: Caller): Promise<Reply<unknown>>
  subscribe: Subscribe
  close(): Promise<void>
}

export async function dispatch(handlers: ReadonlyMap<string, AnyHandler>, name: unknown, input: unknown, caller: Caller = 'local'): Promise<Reply<unknown>> {
  if (!isCallName(name)) return { ok: false, error: `Unknown call ${JSON.stringify(String(name)).slice(0, 80)}.` }
  if (caller === 'window' && api[name].local) return { ok: false, error: `${name} names files on this machine: only its own tools may call it.` }
  const handler = handlers.get(name)
  if (!handler) return { ok: false, error: `${name} is not answered here.` }
  const parsed = api[name].input.safeParse(input ?? {})
  if (!parsed.success) return { ok: false, error: `Invalid input for ${name}: ${z.prettifyError(parsed.error)}` }
  try {
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    return { ok: false, error: errorMessage(name, error) }
  }
}

/** What a failure tells the caller: our own errors in full, a storage failure plainly, a bug no more than that. */
export function errorMessage(name: string, error: unknown): string {
  if (error instanceof UserError) return error.message
  const storage = storageError(error)
  if (storage) return storage.message
  // Anything else is our bug: log it here, and tell the caller no more than that it failed.
  console.error(`[sieve] ${name} failed:`, error)
  return `${name} failed inside Sieve; the details are in its log.`
}

/** A tiny event hub: every listener hears every event, and a failing listener does not stop the others. */
export function createEventHub(): { emit(event: EngineEvent): void; subscribe: Subscribe } {
  const listeners = new Set<(event: EngineEvent) => void>()
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event)
        } catch (error) {
          console.error('[sieve] an event listener failed:', error)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
