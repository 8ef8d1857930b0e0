// The renderer's client for the contract: the preload bridge in the desktop app, HTTP in browser mode;
// and the engine's events: IPC on the desktop, a server-sent stream in browser mode.
import { EventSourceParserStream } from 'eventsource-parser/stream'
import type { CallInput, CallName, CallResult, Client, EngineEvent, Reply } from '../../shared/api'
import { API_PATH, EVENTS_PATH } from '../../shared/channels'
import { sieveHeaders } from './session-token'

async function overHttp(name: CallName, input: unknown): Promise<Reply<unknown>> {
  const response = await fetch(`${API_PATH}${name}`, {
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

type Listener = (event: EngineEvent) => void
const listeners = new Set<Listener>()
const reconnectListeners = new Set<() => void>()
let started = false

/**
 * Hears every engine event. `onReconnect` runs when the browser-mode stream comes back after a break:
 * whatever changed meanwhile was not heard, so views read their state again.
 */
export function subscribe(listener: Listener, onReconnect?: () => void): () => void {
  listeners.add(listener)
  if (onReconnect) reconnectListeners.add(onReconnect)
  if (!started) {
    started = true
    if (window.sieve) window.sieve.onEvent((event) => tell(event))
    else void streamOverHttp()
  }
  return () => {
    listeners.delete(listener)
    if (onReconnect) reconnectListeners.delete(onReconnect)
  }
}

function tell(event: EngineEvent): void {
  for (const listener of listeners) listener(event)
}

/** The browser-mode stream, reopened (after a growing pause) whenever it breaks. */
async function streamOverHttp(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(EVENTS_PATH, { headers: { Accept: 'text/event-stream', ...sieveHeaders() } })
      if (response.ok && response.body) {
        if (attempt > 0) for (const listener of reconnectListeners) listener()
        attempt = 0
        const messages = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream())
        for await (const message of messages) tell(JSON.parse(message.data) as EngineEvent)
      }
    } catch {
      // The server went away (Sieve stopped or restarted): try again below.
    }
    await new Promise((wake) => setTimeout(wake, Math.min(5000, 250 * 2 ** Math.min(attempt, 5))))
  }
}
