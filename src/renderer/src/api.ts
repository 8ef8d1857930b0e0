// The renderer's client for the API contract: the preload bridge in the desktop app, HTTP in browser mode.
import type { CallInput, CallName, CallResult, Client, Reply } from '../../shared/api'
import { sieveHeaders } from './session-token'

async function overHttp(name: CallName, input: unknown): Promise<Reply<unknown>> {
  const response = await fetch(`/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...sieveHeaders() },
    body: JSON.stringify(input)
  })
  if (!response.ok) return { ok: false, error: `Sieve answered ${response.status}: ${await response.text()}` }
  return response.json()
}

export const client: Client = {
  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> {
    const reply = window.sieve ? await window.sieve.call(name, input) : await overHttp(name, input)
    if (!reply.ok) throw new Error(reply.error)
    return reply.value as CallResult<N>
  }
}
