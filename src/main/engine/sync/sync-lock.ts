// One process pushes at a time: the app's background loop and a `sieve sync` on the same database would
// otherwise both read a comment's status and both write it. The holder is recorded in the settings table
// (the claim is one transaction at a time across processes and desktops); a holder whose process has died,
// or that has not been heard from for a while, is taken over.
import { hostname } from 'node:os'
import { z } from 'zod'
import type { Db } from '../database/database'
import { readSetting, writeSetting } from '../settings/store/settings'
import { endLease, leaseHolder, tryLease } from '../team/store/leases'

const KEY = 'syncLock'
const holderSchema = z.object({ pid: z.number(), host: z.string(), token: z.string(), heartbeat: z.string() }).nullable()

/** A holder silent for this long has hung; its claim lapses. */
const STALE_MS = 60_000

export interface SyncLock {
  /** True when this process holds the lock now (taking it if it is free); false while another does. */
  acquire(): boolean
  release(): void
  /** Who holds it, in words, when it is not us. */
  holder(): string | null
}

export function createSyncLock(db: Db, now: () => Date, token = `${process.pid}-${Math.random().toString(36).slice(2)}`): SyncLock {
  if (db.dialect.name === 'postgres') return teamSyncLock(db)
  const host = hostname()
  const read = () => readSetting(db, KEY, holderSchema, null)
  const ours = (holder: z.infer<typeof holderSchema>) => holder?.token === token
  const lapsed = (holder: NonNullable<z.infer<typeof holderSchema>>) =>
    now().getTime() - Date.parse(holder.heartbeat) > STALE_MS || (holder.host === host && !alive(holder.pid))
  return {
    acquire: () =>
      db.serialTransaction(KEY, () => {
        const holder = read()
        if (holder && !ours(holder) && !lapsed(holder)) return false
        writeSetting(db, KEY, { pid: process.pid, host, token, heartbeat: now().toISOString() })
        return true
      }),
    release() {
      if (!db.open) return
      db.serialTransaction(KEY, () => {
        if (ours(read())) writeSetting(db, KEY, null)
      })
    },
    holder() {
      const holder = read()
      return holder && !ours(holder) && !lapsed(holder) ? `process ${holder.pid} on ${holder.host}` : null
    }
  }
}

/** In a team: a session lock on the team database, let go when its desktop's connection ends, however it ends. */
function teamSyncLock(db: Db): SyncLock {
  const name = 'sieve:sync'
  let held = false
  return {
    acquire: () => (held ||= tryLease(db, name)),
    release() {
      if (held) endLease(db, name)
      held = false
    },
    holder: () => leaseHolder(db, name)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
