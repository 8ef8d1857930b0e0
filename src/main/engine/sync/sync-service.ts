// The engine's sync service: one push round at a time in this process, "sync now" on demand, and (in the
// app) a background loop that pushes entries as their grace period ends.
import type { Policy, SyncReport } from '../../../shared/model'
import type { PlatformConnector } from '../sources/platform'
import type { Db } from '../store/database'
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff'
import { syncDue } from './outbox-sync'

export interface SyncSettings {
  /** Default 5 s. */
  graceMs?: number
  backoff?: Partial<BackoffOptions>
  /** How often the background loop looks for due entries (default 1 s). */
  intervalMs?: number
  /** Writes in flight at once per source (default 4). */
  concurrency?: number
}

export interface SyncService {
  /** Pushes what is due; with `now`, also what is still in its grace period or backing off. */
  run(options?: { now?: boolean }): Promise<SyncReport>
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
  let running: Promise<SyncReport> = Promise.resolve({ synced: 0, failed: 0, conflicts: 0, retrying: 0, problems: [] })
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const run = (options: { now?: boolean } = {}) => {
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
          ignoreGrace: options.now
        })
      )
    return running
  }
  const hasDue = db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM outbox WHERE state = 'pending' AND not_before <= ? LIMIT 1`)
  return {
    run,
    startLoop() {
      if (timer) return
      const tick = async () => {
        if (stopped || !db.open) return
        try {
          if (hasDue.get(now().toISOString())) await run()
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
