import { spawnSync } from 'node:child_process'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/engine/database/database'
import { writeSetting } from '../../src/main/engine/settings/store/settings'
import { createSyncLock } from '../../src/main/engine/sync/sync-lock'
import { tempDir } from '../support/temp-dir'

describe('the sync lock', () => {
  const at = (iso: string) => () => new Date(iso)

  it('lets one process push at a time, and takes over from one that died or went silent', () => {
    const path = join(tempDir(), 'sieve.db')
    const app = createSyncLock(openDatabase(path), at('2026-11-27T10:00:00Z'), 'app')
    const cli = createSyncLock(openDatabase(path), at('2026-11-27T10:00:30Z'), 'cli')
    expect(app.acquire()).toBe(true)
    expect(cli.acquire()).toBe(false)
    expect(cli.holder()).toBe(`process ${process.pid} on ${hostname()}`)
    app.release()
    expect(cli.acquire()).toBe(true)
    cli.release()

    // Killed holders: a dead process on this machine, or one not heard from for over a minute.
    const db = openDatabase(path)
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!
    writeSetting(db, 'syncLock', { pid: dead, host: hostname(), token: 'gone', heartbeat: '2026-11-27T10:00:29Z' })
    expect(cli.acquire()).toBe(true)
    writeSetting(db, 'syncLock', { pid: 1, host: 'elsewhere', token: 'hung', heartbeat: '2026-11-27T09:59:00Z' })
    expect(cli.acquire()).toBe(true)
    writeSetting(db, 'syncLock', { pid: 1, host: 'elsewhere', token: 'busy', heartbeat: '2026-11-27T10:00:00Z' })
    expect(cli.acquire()).toBe(false)
  })
})
