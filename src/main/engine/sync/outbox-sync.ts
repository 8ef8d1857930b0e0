// The sync loop's work: push the outbox's due entries to their platforms. For each comment it reads the
// live status first: a match is done (pushing twice is pushing once, and WordPress answers 500 to a status
// a comment already has); a status other than the one Sieve last saw means someone changed it meanwhile,
// which is a conflict, never overwritten; otherwise it writes. Entries are marked before their write
// starts, so a crash mid-write is followed by a read after restart, not by a blind second write.
import type { Policy, Status, SyncReport } from '../../../shared/model'
import { findClause } from '../moderation/policy'
import { PlatformError } from '../sources/platform-error'
import type { LiveComment, PlatformConnector } from '../sources/platform'
import type { Db } from '../store/database'
import { DELETED, markConflict } from '../store/platform-comments'
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
  random?: () => number
}

interface DueEntry {
  id: number
  commentId: number
  externalId: string
  source: string
  statusAfter: Status
  clause: string | null
  platformStatus: string | null
  /** An earlier entry of this comment (since its last synced one) was being written when it was superseded: the site may have it. */
  uncertain: number
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
  for (;;) {
    // Renewed each round: a long push keeps its claim.
    if (!options.lock.acquire()) return
    const due = dueEntries(options, after)
    if (due.length === 0) return
    after = due[due.length - 1].id
    const bySource = new Map<string, DueEntry[]>()
    for (const entry of due) bySource.set(entry.source, [...(bySource.get(entry.source) ?? []), entry])
    for (const [source, entries] of bySource) await pushRound(options, source, entries, report)
  }
}

/** The next entries to push, oldest first, after entry `after`. */
function dueEntries(options: SyncOptions, after: number): DueEntry[] {
  const now = options.now()
  const graceEnd = new Date(now.getTime() - (options.ignoreGrace ? -1 : options.graceMs)).toISOString()
  return options.db
    .prepare<[string, string, number, number], DueEntry>(
      `SELECT o.id, o.comment_id AS commentId, c.external_id AS externalId, s.name AS source, d.status_after AS statusAfter,
              d.clause_code AS clause, c.platform_status AS platformStatus,
              EXISTS (SELECT 1 FROM outbox p WHERE p.comment_id = o.comment_id AND p.id < o.id AND p.state = 'superseded' AND p.attempts > 0
                        AND p.id > coalesce((SELECT max(q.id) FROM outbox q WHERE q.comment_id = o.comment_id AND q.state = 'synced'), 0)) AS uncertain
       FROM outbox o JOIN decisions d ON d.id = o.decision_id
       JOIN comments c ON c.id = o.comment_id JOIN sources s ON s.id = c.source_id
       WHERE o.state = 'pending' AND o.not_before <= ? AND o.created_at <= ? AND o.id > ?
       ORDER BY o.id LIMIT ?`
    )
    .all(options.ignoreBackoff ? '9999' : now.toISOString(), graceEnd, after, BATCH)
}

async function pushRound(options: SyncOptions, source: string, entries: DueEntry[], report: SyncReport): Promise<void> {
  const { db } = options
  const settle = (entry: DueEntry, state: 'synced' | 'failed' | 'pending', error: string | null, platformStatus?: string, attempts = 0) => {
    db.transaction(() => {
      if (platformStatus !== undefined) db.prepare('UPDATE comments SET platform_status = ? WHERE id = ?').run(platformStatus, entry.commentId)
      const notBefore = state === 'pending' ? new Date(options.now().getTime() + backoffDelay(attempts, options.backoff, options.random)) : options.now()
      // Only while still pending: a decision made meanwhile has superseded it, and its own entry follows.
      db.prepare(`UPDATE outbox SET state = ?, last_error = ?, not_before = ?, updated_at = ? WHERE id = ? AND state = 'pending'`).run(
        state,
        error,
        notBefore.toISOString(),
        options.now().toISOString(),
        entry.id
      )
    })()
    if (state === 'synced') report.synced++
    else {
      if (state === 'failed') report.failed++
      else report.retrying++
      report.problems.push({ source, id: entry.externalId, state, error: error ?? '' })
    }
  }
  const conflict = (entry: DueEntry, message: string, platformStatus: string) => {
    db.transaction(() => {
      db.prepare('UPDATE comments SET platform_status = ? WHERE id = ?').run(platformStatus, entry.commentId)
      markConflict(db, entry.commentId, message, options.now())
    })()
    report.conflicts++
    report.problems.push({ source, id: entry.externalId, state: 'conflict', error: message })
  }

  let connector: PlatformConnector
  try {
    connector = options.connector(source)
  } catch (error) {
    for (const entry of entries) settle(entry, 'failed', (error as Error).message)
    return
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
    for (const entry of toRead) failOrRetry(entry, error)
    return
  }

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
  const mark = db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id = ?')
  db.transaction(() => toWrite.forEach(({ entry }) => mark.run(entry.id)))()

  const attemptsOf = db.prepare<[number], { attempts: number }>('SELECT attempts FROM outbox WHERE id = ?')
  function failOrRetry(entry: DueEntry, error: unknown) {
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof PlatformError && error.retriable) {
      const attempts = attemptsOf.get(entry.id)?.attempts ?? 1
      settle(entry, 'pending', `Retrying: ${message}`, undefined, Math.max(1, attempts))
    } else settle(entry, 'failed', message)
  }

  let next = 0
  const worker = async () => {
    while (next < toWrite.length) {
      const { entry, comment, status } = toWrite[next++]
      try {
        await connector.setStatus(comment, status)
        settle(entry, 'synced', null, status)
      } catch (error) {
        failOrRetry(entry, error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, toWrite.length) }, worker))
}

/** Puts failed entries back in line (the "retry" button). Returns how many. */
export function retryFailed(db: Db, now: Date, sourceName?: string): number {
  return db
    .prepare(
      `UPDATE outbox SET state = 'pending', not_before = @now, updated_at = @now, last_error = NULL
       WHERE state = 'failed' AND (@source IS NULL OR comment_id IN
         (SELECT c.id FROM comments c JOIN sources s ON s.id = c.source_id WHERE s.name = @source))`
    )
    .run({ now: now.toISOString(), source: sourceName ?? null }).changes
}
