// Calls to a scoring service, paced and retried: a Bottleneck limiter keeps to the service's rate, and
// throttling, server errors and dropped connections are retried with exponential backoff and jitter,
// never sooner than the service's Retry-After. Anything else fails at once with a ScorerError.
import Bottleneck from 'bottleneck'
import { z } from 'zod'
import { ScorerError } from './scorer-error'

export const retrySettingsSchema = z
  .object({
    /** Tries per request, the first included. */
    maxAttempts: z.number().int().min(1).max(20).default(5),
    /** The first backoff; each retry doubles it. */
    retryBaseMs: z.number().int().min(0).max(60_000).default(1000),
    /** The longest wait between tries; a Retry-After longer than this gives up instead. */
    retryMaxMs: z.number().int().min(0).max(600_000).default(60_000)
  })
  .strict()
export type RetrySettings = z.output<typeof retrySettingsSchema>

/** A cloud scorer's time limit per request: a service that accepts and never answers must not hold a job forever. */
export const requestTimeoutShape = {
  /** How long one request may take, answer included, before it counts as not answering (and is retried). */
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000)
}

/** 30000 → "30 s", 500 → "0.5 s". */
export function inSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}

/** How one failed call goes on: tried again (throttled or a passing fault) or given up with an error. */
export type Failure =
  | { retry: true; state: 'quota' | 'error'; reason: string; retryAfterMs?: number }
  | { retry: false; error: ScorerError }

export interface SchedulerOptions extends RetrySettings {
  requestsPerSecond: number
  /** Sorts a thrown error into a Failure (the scorer knows its service's answers). */
  classify(error: unknown): Failure
  /** The error after the last try failed with a retryable failure. */
  giveUp(failure: Extract<Failure, { retry: true }>, attempts: number): ScorerError
  random?: () => number
}

export interface Scheduler {
  run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T>
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const limiter = new Bottleneck({ maxConcurrent: 1, minTime: Math.ceil(1000 / options.requestsPerSecond) })
  const random = options.random ?? Math.random
  return {
    async run(call, signal) {
      for (let attempt = 1; ; attempt++) {
        signal?.throwIfAborted()
        let failure: Failure
        try {
          return await limiter.schedule(call)
        } catch (error) {
          failure = options.classify(error)
        }
        if (!failure.retry) throw failure.error
        // The service's Retry-After is a floor, never a reason to hurry.
        const wait = Math.max(failure.retryAfterMs ?? 0, backoffDelay(attempt, options, random))
        if (attempt >= options.maxAttempts || wait > options.retryMaxMs) throw options.giveUp(failure, attempt)
        await sleep(wait, signal)
      }
    }
  }
}

/** Full-jitter exponential backoff: anywhere from half to all of base·2^(attempt-1), capped. */
export function backoffDelay(attempt: number, settings: Pick<RetrySettings, 'retryBaseMs' | 'retryMaxMs'>, random = Math.random): number {
  const ceiling = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** (attempt - 1))
  return Math.round(ceiling * (0.5 + random() / 2))
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop)
      resolve()
    }, ms)
    const stop = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', stop, { once: true })
  })
}
