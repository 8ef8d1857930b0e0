import type { CallName, EngineEvent, Reply } from '../shared/api'

/** What the preload exposes as window.sieve. Replies are data: errors never throw across the bridge. */
export interface SieveBridge {
  call(name: CallName, input: unknown): Promise<Reply<unknown>>
  /** Hears every engine event; returns the way to stop hearing. */
  onEvent(listener: (event: EngineEvent) => void): () => void
}

declare global {
  interface Window {
    sieve?: SieveBridge
  }
}
