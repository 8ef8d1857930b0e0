// How long to wait before trying a failed push again: exponential, capped, with jitter so that many
// entries failing together (the site went down) do not all come back in the same second.

export interface BackoffOptions {
  /** The first wait. */
  baseMs: number
  /** No wait is longer. */
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 10 * 60_000 }

/** The wait after the `attempt`-th failure (1 = the first): between half and all of base·2^(attempt−1), capped. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
