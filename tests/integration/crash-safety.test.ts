// kill -9 at random points of an import and of a run of decisions (with undos), 50 times: the database
// always opens, passes SQLite's and the search index's integrity checks, and every decision the process
// reported as made is in the log exactly once, with the comment's status where the log says.
import { spawn } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { comment, openTestDatabase, tempDir, tempEngine, writeNdjson } from '../support/temp-engine'

const ROOT = resolve(__dirname, '../..')
const RUNS_EACH = 25

/** Starts the child, kills it (SIGKILL) `afterMs` after it is ready, and returns what it printed. */
function runAndKill(args: string[], afterMs: number): Promise<{ lines: string[]; finished: boolean }> {
  return new Promise((done) => {
    // Node itself, not the tsx launcher: the launcher runs the script in a child that a kill would miss.
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/support/crash-child.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.startsWith('ready\n') && !child.killed) setTimeout(() => child.kill('SIGKILL'), afterMs)
    })
    child.on('exit', (_code, signal) => done({ lines: output.split('\n').filter(Boolean), finished: signal === null }))
  })
}

function checkIntact(db: Database.Database): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  // Throws if the full-text index and the comments disagree.
  db.prepare("INSERT INTO comments_fts (comments_fts) VALUES ('integrity-check')").run()
}

const delay = (run: number) => 150 + ((run * 137) % 900)

describe('kill -9', () => {
  it(`during decisions (${RUNS_EACH} runs): every decision reported is logged once, and the status follows the log`, { timeout: 300_000 }, async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'base.ndjson', Array.from({ length: 3000 }, (_, i) => comment(`c${i}`, `comment ${i}`))) })
    await engine.close()
    let interrupted = 0
    for (let run = 0; run < RUNS_EACH; run++) {
      const dbPath = join(dir, `run-${run}.db`)
      copyFileSync(join(dir, 'sieve.db'), dbPath)
      const { lines, finished } = await runAndKill(['decide', dbPath], delay(run))
      if (!finished) interrupted++
      const db = openTestDatabase(dbPath)
      try {
        checkIntact(db)
        const reported = lines.filter((line) => line.startsWith('decided ')).map((line) => line.split(' ').slice(1))
        const logged = db.prepare("SELECT count(*) AS n FROM decisions d JOIN comments c ON c.id = d.comment_id WHERE c.external_id = ? AND d.action = ?")
        for (const [id, action] of reported) expect((logged.get(id, action) as { n: number }).n, `${id} ${action}`).toBe(1)
        const astray = db
          .prepare(
            `SELECT count(*) AS n FROM comments c
             WHERE c.status != coalesce((SELECT d.status_after FROM decisions d WHERE d.comment_id = c.id ORDER BY d.id DESC LIMIT 1), 'pending')`
          )
          .get()
        expect(astray).toEqual({ n: 0 })
      } finally {
        db.close()
      }
    }
    expect(interrupted).toBeGreaterThan(RUNS_EACH / 2)
  })

  it(`during an import (${RUNS_EACH} runs): whole batches land, and importing again completes without duplicates`, { timeout: 300_000 }, async () => {
    const dir = tempDir()
    const file = writeNdjson(dir, 'big.ndjson', Array.from({ length: 20_000 }, (_, i) => comment(`i${i}`, `imported comment number ${i} about the summit`)))
    let interrupted = 0
    for (let run = 0; run < RUNS_EACH; run++) {
      const dbPath = join(dir, `import-${run}.db`)
      const { finished } = await runAndKill(['import', dbPath, file], delay(run))
      if (!finished) interrupted++
      const db = openTestDatabase(dbPath)
      try {
        checkIntact(db)
        const { n } = db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }
        expect(n % 2000 === 0 || n === 20_000, `${n} comments: not whole batches`).toBe(true)
      } finally {
        db.close()
      }
    }
    expect(interrupted).toBeGreaterThan(RUNS_EACH / 2)
    const engine = await tempEngine({ dbPath: join(dir, 'import-0.db') }, dir)
    const report = await engine.call('importFile', { path: file })
    expect(report.added + report.unchanged).toBe(20_000)
    expect(engine.db.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({ n: 20_000 })
  })
})
