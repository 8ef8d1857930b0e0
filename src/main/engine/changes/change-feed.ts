// Tells every window what changed in the database, whoever changed it: this engine, another window's
// engine, the command line in another process, an automatic rule. It watches the database's files
// (no polling of tables); when SQLite says another connection committed, it reads the tails of the
// append-only tables and the outbox's summary, and sends decisions, arrivals, counts and sync state.
// On a team's PostgreSQL it LISTENs for the notices every change sends instead of watching files.
import type { EngineEvent } from '../../../shared/api'
import { openStore } from '../database/database'
import { loginKey } from '../database/postgres/connect'
import type { SecretStore } from '../secrets/secret-store'
import { listenForNotices, watchFiles } from './watchers'
import { arrivalsSince, batchKeys, batchesSince, currentMarks, dataVersion, syncSummary, type SyncSummary } from './store/changes'
import { queueCounts } from '../moderation/store/queues'

export interface ChangeFeed {
  /** Reads what changed since the last look and tells; cheap when nothing did. */
  check(): void
  close(): void
}

/** A bulk decision tells its first thousand keys; the count says how many it changed. */
const KEYS_TOLD = 1000
/** Counts are recomputed at most this often: at a million comments they take tens of milliseconds. */
const COUNTS_EVERY_MS = 250
/** Files change in bursts (a commit writes the WAL several times): one look after the burst. */
const SETTLE_MS = 15
/** Where a file system drops watch events (network shares), a look this often still catches up. */
const SAFETY_LOOK_MS = 2000

export interface FeedLocation {
  dbPath: string
  dbUrl?: string
  nativeBinding?: string
}

/** Watches the database through a connection of its own: SQLite counts every other connection's commits. */
export function createChangeFeed(location: FeedLocation, secrets: SecretStore, emit: (event: EngineEvent) => void): ChangeFeed {
  const db = openStore(location, secrets, 'read', { cacheMiB: 8 })
  let marks = currentMarks(db)
  let version = dataVersion(db)
  let sync: SyncSummary = syncSummary(db)
  let countsDue: NodeJS.Timeout | null = null
  let countsToldAt = 0
  let settle: NodeJS.Timeout | null = null
  let closed = false

  const tellCounts = () => {
    countsDue = null
    if (closed) return
    countsToldAt = Date.now()
    emit({ name: 'countsChanged', payload: queueCounts(db) })
  }
  const scheduleCounts = () => {
    if (countsDue) return
    countsDue = setTimeout(tellCounts, Math.max(0, countsToldAt + COUNTS_EVERY_MS - Date.now()))
  }

  const check = () => {
    if (closed || !db.open) return
    const now = dataVersion(db)
    if (now === version) return
    version = now
    for (const batch of batchesSince(db, marks.decisionId)) {
      emit({
        name: 'commentsDecided',
        payload: {
          batchId: batch.batchId,
          action: batch.kind === 'undo' ? 'undo' : batch.action,
          clause: batch.clause,
          moderator: batch.moderator,
          machine: batch.machine,
          automated: batch.automated === 1,
          count: batch.count,
          keys: batchKeys(db, batch.batchId, KEYS_TOLD),
          lastDecisionId: batch.lastDecisionId
        }
      })
      marks = { ...marks, decisionId: Math.max(marks.decisionId, batch.lastDecisionId) }
    }
    const arrived = arrivalsSince(db, marks.commentId)
    if (arrived.count > 0) {
      emit({ name: 'commentsArrived', payload: arrived })
      marks = { ...marks, commentId: arrived.latestKey }
    }
    const nextSync = syncSummary(db)
    if (nextSync.pending !== sync.pending || nextSync.failed !== sync.failed || nextSync.conflicts !== sync.conflicts) {
      sync = nextSync
      emit({ name: 'syncChanged', payload: sync })
    }
    // Flags, scores and rules move counts too: any commit may have.
    scheduleCounts()
  }

  const look = () => {
    if (settle) return
    settle = setTimeout(() => {
      settle = null
      check()
    }, SETTLE_MS)
  }
  // Claims change as moderators move their cursors: told apart, they need no look at the tables.
  const heard = (table: string) => (table === 'claims' ? emit({ name: 'claimsChanged', payload: {} }) : look())
  const stopWatching = location.dbUrl ? listenForNotices(location.dbUrl, secrets.get(loginKey(location.dbUrl)), heard) : watchFiles(location.dbPath, look)
  const safety = setInterval(look, SAFETY_LOOK_MS)
  safety.unref()

  return {
    check,
    close() {
      closed = true
      stopWatching()
      clearInterval(safety)
      if (countsDue) clearTimeout(countsDue)
      if (settle) clearTimeout(settle)
      db.close()
    }
  }
}
