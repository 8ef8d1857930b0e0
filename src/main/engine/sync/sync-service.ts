// The engine's sync service: one push round at a time in this process, "sync now" on demand, and (in the
// app) a background loop that pushes entries as their grace period ends.
import type { Policy, SyncReport } from '../../../shared/model'
import type { PlatformConnector } from '../sources/platform'
import type { Db } from '../database/database'
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff'
import { syncDue } from './outbox-sync'
import { anyDue, firstPendingReason, pendingSummary, stillRetrying } from './store/outbox'
import { createSyncLock } from './sync-lock'

export interface SyncSettings {
  /** Default 5 s. */
  graceMs?: number
  backoff?: Partial<BackoffOptions>
  /** How often the background loop looks for due entries (default 1 s). */
  intervalMs?: number
  /** Writes in flight at once per source (default 4). */
  concurrency?: number
}

export interface RunOptions {
  /** Also push what is still in its grace period, or backing off ("sync now"). */
  now?: boolean
  /** Also push what is still in its grace period, but wait out backoffs. */
  skipGrace?: boolean
}

/** What `runUntilSettled` is about to wait for, so that a person can be told. */
import type { SyncWait } from '../../../shared/api/sources'

export type { SyncWait }

/** The longest `runUntilSettled` waits between tries: a site that comes back is used within this. */
export const MAX_SETTLE_WAIT_MS = 10_000

export interface SyncService {
  /** Pushes what is due; with `now`, also what is still in its grace period or backing off. */
  run(options?: RunOptions): Promise<SyncReport>
  /**
   * Pushes everything now, then keeps retrying what failed transiently (a site that is down, refuses or
   * went away, 429, 5xx) for up to `budgetMs`, trying again at least every 10 s, and says before each
   * wait what it waits for (the command line's `sync`, which should finish the job rather than leave it for later).
   */
  runUntilSettled(budgetMs: number, onWait?: (wait: SyncWait) => void): Promise<SyncReport>
  startLoop(): void
  stop(): Promise<void>
}

export function createSyncService(
  db: Db,
  policy: Policy,
  now: () => Date,
  connector: (source: string) => PlatformConnector,
  settings: SyncSettings = {}
): SyncService {
  const lock = createSyncLock(db, now)
  /** Rounds in a row each source could not be reached in: the wait before trying it again grows with them. */
  const outages = new Map<string, number>()
  let running: Promise<SyncReport> = Promise.resolve({ synced: 0, failed: 0, conflicts: 0, retrying: 0, problems: [] })
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const run = (options: RunOptions = {}) => {
    // One round after another: two rounds must never push the same entry side by side.
    running = running
      .catch(() => undefined)
      .then(() =>
        syncDue({
          db,
          policy,
          now,
          connector,
          graceMs: settings.graceMs ?? 5_000,
          backoff: { ...DEFAULT_BACKOFF, ...settings.backoff },
          concurrency: settings.concurrency,
          lock,
          outages,
          ignoreGrace: options.now || options.skipGrace,
          ignoreBackoff: options.now
        })
      )
    return running
  }
  const runUntilSettled = async (budgetMs: number, onWait?: (wait: SyncWait) => void) => {
    const deadline = Date.now() + budgetMs
    const total = await run({ now: true })
    while (!total.note) {
      const { at, waiting } = pendingSummary(db)
      const left = deadline - Date.now()
      if (!at || left <= 0) break
      // Backoffs may grow long; a person waiting at a terminal wants the site used as soon as it is back.
      const waitMs = Math.min(Math.max(100, Date.parse(at) - now().getTime()), MAX_SETTLE_WAIT_MS, left)
      onWait?.({ waitMs, leftMs: left - waitMs, waiting, reason: firstPendingReason(db)?.replace(/^Retrying: /, '') ?? null })
      await new Promise((wake) => setTimeout(wake, waitMs))
      const round = await run({ now: true })
      if (round.note) total.note = round.note
      total.synced += round.synced
      total.failed += round.failed
      total.conflicts += round.conflicts
      total.problems.push(...round.problems.filter((problem) => problem.state !== 'pending'))
    }
    // What is still retrying is read back from the outbox, not added up over rounds.
    const retrying = stillRetrying(db)
    total.problems = [...total.problems.filter((p) => p.state !== 'pending'), ...retrying]
    total.retrying = retrying.length
    return total
  }
  return {
    run,
    runUntilSettled,
    startLoop() {
      if (timer) return
      const tick = async () => {
        if (stopped || !db.open) return
        try {
          if (anyDue(db, now())) await run()
        } catch (error) {
          console.error('[sieve] sync round failed:', error)
        }
        if (!stopped) timer = setTimeout(tick, settings.intervalMs ?? 1_000)
      }
      timer = setTimeout(tick, settings.intervalMs ?? 1_000)
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running.catch(() => undefined)
    }
  }
}
