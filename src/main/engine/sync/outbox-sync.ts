// The sync loop's work: push the outbox's due entries to their platforms. For each comment it reads the
// live status first: a match is done (pushing twice is pushing once, and WordPress answers 500 to a status
// a comment already has); a status other than the one Sieve last saw means someone changed it meanwhile,
// which is a conflict, never overwritten; otherwise it writes. Entries are marked before their write
// starts, so a crash mid-write is followed by a read after restart, not by a blind second write.
// A site that cannot be reached at all (down, refusing, gone mid-run) costs one failed request a round:
// the rest of its entries wait, with the reason, until the next round.
import type { Policy, SyncReport } from '../../../shared/model'
import { findClause } from '../moderation/policy'
import { PlatformError } from '../sources/platform-error'
import type { LiveComment, PlatformConnector } from '../sources/platform'
import type { Db } from '../database/database'
import { DELETED, markConflict } from '../sources/store/platform-comments'
import {
  attemptsOf,
  deferEntries,
  dueEntries as dueInOutbox,
  markAttempted,
  recordPlatformStatus,
  settleEntry,
  type DueEntry
} from './store/outbox'
import { backoffDelay, type BackoffOptions } from './backoff'
import type { SyncLock } from './sync-lock'

export interface SyncOptions {
  db: Db
  policy: Policy
  now: () => Date
  /** How long a decision waits before it is pushed, so an undo inside it never touches the site. */
  graceMs: number
  backoff: BackoffOptions
  /** Push entries still inside their grace period too ("sync now"). */
  ignoreGrace?: boolean
  /** Push entries waiting out a backoff too ("sync now"). */
  ignoreBackoff?: boolean
  /** The connector for a source, by name (throws when it cannot be made: no password …). */
  connector(sourceName: string): PlatformConnector
  /** Writes in flight at once, per source. */
  concurrency?: number
  /** Held while pushing, so that two processes never push side by side. */
  lock: SyncLock
  /** Rounds in a row each source could not be reached in (kept by the caller across rounds): the backoff grows with it. */
  outages?: Map<string, number>
  random?: () => number
}

const BATCH = 100

export function emptySyncReport(): SyncReport {
  return { synced: 0, failed: 0, conflicts: 0, retrying: 0, problems: [] }
}

/** Pushes every due entry (in rounds of up to 100 per source) until none is due. */
export async function syncDue(options: SyncOptions): Promise<SyncReport> {
  const report = emptySyncReport()
  if (!options.lock.acquire()) return { ...report, note: `Another Sieve (${options.lock.holder()}) is pushing these decisions; nothing was sent from here.` }
  try {
    await pushAllDue(options, report)
  } finally {
    options.lock.release()
  }
  return report
}

async function pushAllDue(options: SyncOptions, report: SyncReport): Promise<void> {
  // Entries are taken in id order, each once per call: one that must wait (backoff) waits for the next call.
  let after = 0
  /** Sources found unreachable in this call, with why: their other entries wait without a request. */
  const unreachable = new Map<string, { message: string; delayMs: number }>()
  for (;;) {
    // Renewed each round: a long push keeps its claim.
    if (!options.lock.acquire()) return
    const due = dueEntries(options, after)
    if (due.length === 0) return
    after = due[due.length - 1].id
    const bySource = new Map<string, DueEntry[]>()
    for (const entry of due) bySource.set(entry.source, [...(bySource.get(entry.source) ?? []), entry])
    for (const [source, entries] of bySource) {
      const down = unreachable.get(source)
      if (down) defer(options, source, entries, down.message, down.delayMs, report)
      else await pushRound(options, source, entries, report, unreachable)
    }
  }
}

/** The next entries to push, oldest first, after entry `after`. */
function dueEntries(options: SyncOptions, after: number): DueEntry[] {
  const now = options.now()
  const graceEnd = new Date(now.getTime() - (options.ignoreGrace ? -1 : options.graceMs)).toISOString()
  return dueInOutbox(options.db, options.ignoreBackoff ? null : now.toISOString(), graceEnd, after, BATCH)
}

/** Puts entries back to wait `delayMs`, saying why, in one transaction and without a request. */
function defer(options: SyncOptions, source: string, entries: DueEntry[], message: string, delayMs: number, report: SyncReport): void {
  const error = `Retrying: ${message}`
  const at = options.now()
  deferEntries(
    options.db,
    entries.map((entry) => entry.id),
    error,
    new Date(at.getTime() + delayMs),
    at
  )
  report.retrying += entries.length
  for (const entry of entries) report.problems.push({ source, id: entry.externalId, state: 'pending', error })
}

/** No answer at all (refused, reset, timed out, unknown host): the site, not this comment, is the trouble. */
function unreachableSite(error: unknown): error is PlatformError {
  return error instanceof PlatformError && error.status === undefined && error.retriable
}

async function pushRound(
  options: SyncOptions,
  source: string,
  entries: DueEntry[],
  report: SyncReport,
  unreachable: Map<string, { message: string; delayMs: number }>
): Promise<void> {
  const { db } = options
  const outages = options.outages ?? new Map<string, number>()
  let connector: PlatformConnector
  try {
    connector = options.connector(source)
  } catch (error) {
    for (const entry of entries) settle(entry, 'failed', (error as Error).message)
    return
  }

  function settle(entry: DueEntry, state: 'synced' | 'failed' | 'pending', error: string | null, platformStatus?: string, attempts = 0) {
    db.transaction(() => {
      // The status the site shows now, in its words and in Sieve's, as the next pull will see it.
      if (platformStatus !== undefined) recordPlatformStatus(db, entry.commentId, platformStatus, connector.sieveStatus(platformStatus))
      const notBefore = state === 'pending' ? new Date(options.now().getTime() + backoffDelay(attempts, options.backoff, options.random)) : options.now()
      settleEntry(db, entry.id, state, error, notBefore, options.now())
    })
    if (state === 'synced') report.synced++
    else {
      if (state === 'failed') report.failed++
      else report.retrying++
      report.problems.push({ source, id: entry.externalId, state, error: error ?? '' })
    }
  }
  const conflict = (entry: DueEntry, message: string, platformStatus: string) => {
    db.transaction(() => {
      recordPlatformStatus(db, entry.commentId, platformStatus, platformStatus === DELETED ? null : connector.sieveStatus(platformStatus))
      markConflict(db, entry.commentId, message, options.now())
    })
    report.conflicts++
    report.problems.push({ source, id: entry.externalId, state: 'conflict', error: message })
  }
  /** The site cannot be reached: these entries, and the source's others in this call, wait for the next round. */
  const siteDown = (waiting: DueEntry[], error: PlatformError) => {
    const streak = (outages.get(source) ?? 0) + 1
    outages.set(source, streak)
    const down = { message: error.message, delayMs: backoffDelay(streak, options.backoff, options.random) }
    unreachable.set(source, down)
    defer(options, source, waiting, down.message, down.delayMs, report)
  }
  const failOrRetry = (entry: DueEntry, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof PlatformError && error.retriable) {
      const attempts = attemptsOf(db, entry.id) ?? 1
      settle(entry, 'pending', `Retrying: ${message}`, undefined, Math.max(1, attempts))
    } else settle(entry, 'failed', message)
  }
  const target = (entry: DueEntry) => {
    const clause = entry.clause === null ? undefined : findClause(options.policy, entry.clause)
    return connector.targetStatus(entry.statusAfter, clause)
  }

  // Nothing to send when the platform already shows what Sieve last saw there and that is the target
  // (an undo inside the grace period): no request at all.
  const toRead: DueEntry[] = []
  for (const entry of entries) {
    if (!entry.uncertain && entry.platformStatus !== null && entry.platformStatus === target(entry)) settle(entry, 'synced', null)
    else toRead.push(entry)
  }
  if (toRead.length === 0) return

  let live: Map<string, LiveComment>
  try {
    live = await connector.readComments(toRead.map((entry) => entry.externalId))
  } catch (error) {
    if (unreachableSite(error) || (error instanceof PlatformError && error.retriable)) siteDown(toRead, error as PlatformError)
    else for (const entry of toRead) failOrRetry(entry, error)
    return
  }
  outages.delete(source)

  const toWrite: { entry: DueEntry; comment: LiveComment; status: string }[] = []
  for (const entry of toRead) {
    const comment = live.get(entry.externalId)
    const status = target(entry)
    if (!comment) conflict(entry, `Deleted in ${connector.displayName}; Sieve's decision cannot be applied there.`, DELETED)
    else if (comment.status === status) settle(entry, 'synced', null, status)
    else if (entry.platformStatus !== null && entry.platformStatus !== DELETED && comment.status !== entry.platformStatus && !entry.uncertain) {
      conflict(
        entry,
        `Changed in ${connector.displayName} to "${comment.status}" (Sieve last saw "${entry.platformStatus}"); Sieve did not overwrite it with "${status}". Decide again to settle it.`,
        comment.status
      )
    } else toWrite.push({ entry, comment, status })
  }
  // Marked before writing: after a crash, these are read again rather than written blindly.
  markAttempted(
    db,
    toWrite.map(({ entry }) => entry.id)
  )

  let next = 0
  let gone: PlatformError | undefined
  const worker = async () => {
    // Once the site stops answering, the rest of the batch waits rather than each write failing in turn.
    while (next < toWrite.length && !gone) {
      const { entry, comment, status } = toWrite[next++]
      try {
        await connector.setStatus(comment, status)
        settle(entry, 'synced', null, status)
      } catch (error) {
        if (unreachableSite(error)) gone ??= error
        failOrRetry(entry, error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, toWrite.length) }, worker))
  if (gone) siteDown(toWrite.slice(next).map(({ entry }) => entry), gone)
}

export { retryFailed } from './store/outbox'
