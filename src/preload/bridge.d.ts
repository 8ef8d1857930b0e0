import type { CallName, Reply } from '../shared/api'

/** What the preload exposes as window.sieve. Replies are data: errors never throw across the bridge. */
export interface SieveBridge {
  call(name: CallName, input: unknown): Promise<Reply<unknown>>
}

declare global {
  interface Window {
    sieve?: SieveBridge
  }
}
