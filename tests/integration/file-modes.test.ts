// Files that hold commenters' e-mail and IP addresses, or secrets, are readable by their owner only,
// whatever the umask: run under umask 022 (where a file is made 0644 unless Sieve says otherwise), the
// database with its -wal and -shm, backups (daily and on demand), exports, reports, audit trails, the
// secret store and a restored database are 0600, and the folders Sieve makes for them 0700.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dailyBackup } from '../../src/main/engine/database/backup'
import { runCli, runCliAsync } from '../support/run-cli'
import { comment, tempDir, tempEngine, writeNdjson, decideByIds } from '../support/temp-engine'

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8)

let umask: number
beforeAll(() => {
  // Child processes (the CLI) inherit it.
  umask = process.umask(0o022)
})
afterAll(() => {
  process.umask(umask)
})

describe('under umask 022', () => {
  it('the database, its WAL and shared memory, and the daily backups are the owner’s alone', async () => {
    const dir = tempDir()
    const engine = await tempEngine({ now: () => new Date('2026-11-27T10:00:00Z') }, join(dir))
    await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', [comment('c1', 'reader@example.test wrote this')]) })
    await decideByIds(engine, ['c1'], 'approve', {})
    for (const file of ['sieve.db', 'sieve.db-wal', 'sieve.db-shm']) expect(mode(join(dir, file)), file).toBe('600')
    const daily = (await dailyBackup(engine.sql, engine.dbPath, new Date('2026-11-27T10:00:00Z')))!
    expect(mode(join(dir, 'backups'))).toBe('700')
    expect(mode(daily)).toBe('600')
  })

  it('every file the command line writes, and the folders it makes for them', async () => {
    const dir = tempDir()
    const db = join(dir, 'data', 'sieve.db')
    const run = (...args: string[]) => {
      const result = runCli([...args, '--db', db])
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0)
    }
    run('import', writeNdjson(dir, 'in.ndjson', [comment('c1', 'first'), comment('c2', 'second')]))
    run('act', 'remove', 'c1', '--clause', 'abusive')
    expect((await runCliAsync(['scorer', 'set', 'openai', '--key-stdin', '--endpoint', 'http://127.0.0.1:9', '--db', db], { input: 'sk-mode-test' })).code).toBe(0)
    run('backup', '--out', join(dir, 'kept', 'backup.db'))
    run('export', '--format', 'csv', '--out', join(dir, 'log.csv'))
    run('report', '--from', '2020-01-01', '--to', '2030-12-31', '--format', 'html', '--out', join(dir, 'report.html'))
    run('report', '--from', '2020-01-01', '--to', '2030-12-31', '--format', 'json', '--out', join(dir, 'report.json'))
    run('audit', '--comment', 'c1', '--format', 'csv', '--out', join(dir, 'audit.csv'))
    run('restore', '--from', join(dir, 'kept', 'backup.db'))

    expect(mode(join(dir, 'data'))).toBe('700')
    expect(mode(join(dir, 'kept'))).toBe('700')
    for (const file of ['data/sieve.db', 'data/secrets.json', 'kept/backup.db', 'log.csv', 'report.html', 'report.json', 'audit.csv']) {
      expect(mode(join(dir, file)), file).toBe('600')
    }
  })
})
