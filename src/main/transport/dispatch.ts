// The one place a message from the UI meets the engine: the call must exist and its input must pass
// the contract's schema. Every transport goes through here.
import { z } from 'zod'
import { api, isCallName, type Handlers, type Reply } from '../../shared/api'
import { UserError } from '../engine/errors'
import { storageError } from '../engine/store/storage-errors'

export async function dispatch(handlers: Handlers, name: unknown, input: unknown): Promise<Reply<unknown>> {
  if (!isCallName(name)) return { ok: false, error: `Unknown call ${JSON.stringify(String(name)).slice(0, 80)}.` }
  const parsed = api[name].input.safeParse(input ?? {})
  if (!parsed.success) return { ok: false, error: `Invalid input for ${name}: ${z.prettifyError(parsed.error)}` }
  try {
    const handler = handlers[name] as (input: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message }
    const storage = storageError(error)
    if (storage) return { ok: false, error: storage.message }
    // Anything else is our bug: log it here, and tell the UI no more than that it failed.
    console.error(`[sieve] ${name} failed:`, error)
    return { ok: false, error: `${name} failed inside Sieve; the details are in its log.` }
  }
}
