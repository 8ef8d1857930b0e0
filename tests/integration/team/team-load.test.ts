// Several moderators, each a process of its own logged in as themself, deciding from the same Review
// queue at once: each comment is decided once, whoever was first, and nothing is lost.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { expect, it } from 'vitest'
import { sql } from '../../../src/main/engine/database/sql/sql'
import { loginName, teamDatabase, teamEngine } from '../../support/team'
import { comment, writeNdjson } from '../../support/temp-engine'

const ROOT = resolve(__dirname, '../../..')
// The load: eight moderators on a 100,000-comment queue for a minute.
const MODERATORS = 8
const SECONDS = 60
const COMMENTS = 100_000

interface Outcome {
  skipped: number
  refused: number
  pageMs: number[]
  decisionMs: number[]
}

function moderator(url: string, password: string, seed: number): Promise<Outcome> {
  return new Promise((done, fail) => {
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'bench/team-moderator.ts'), url, String(SECONDS), String(seed)], {
      cwd: ROOT,
      env: { ...process.env, PGPASSWORD: password }
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk))
    child.on('close', (code) => (code === 0 ? done(JSON.parse(out) as Outcome) : fail(new Error(`moderator ${seed} exited ${code}: ${err}`))))
  })
}

it(`${MODERATORS} moderators deciding the same queue at once decide each comment once and lose none`, async () => {
  const team = await teamDatabase()
  const lead = loginName('lead')
  const engine = await teamEngine(team, lead, team.addLogin(lead, true))
  const comments = Array.from({ length: COMMENTS }, (_, i) => comment(`c${i}`, `Reader comment ${i} about the flood relief`))
  const imported = await engine.call('importFile', { path: writeNdjson(engine.dir, 'in.ndjson', comments) })
  expect(imported.added).toBe(COMMENTS)

  const logins = Array.from({ length: MODERATORS }, (_, i) => loginName(`m${i}`))
  const outcomes = await Promise.all(logins.map((name, i) => moderator(team.urlFor(name), team.addLogin(name), i + 1)))

  const twice = team.sql.all(sql`SELECT comment_id, count(*) AS n FROM decisions GROUP BY comment_id HAVING count(*) > 1`)
  expect(twice).toEqual([])
  // Every decision is in the log and in the comment's status: none lost, none overwritten.
  const mismatched = team.sql.all(
    sql`SELECT c.id FROM comments c JOIN decisions d ON d.comment_id = c.id WHERE c.status IS DISTINCT FROM d.status_after`
  )
  expect(mismatched).toEqual([])
  const decided = team.sql.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments WHERE status <> 'pending'`)!.n
  expect(team.sql.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments`)!.n).toBe(COMMENTS)
  const byModerator = team.sql.all<{ moderator: string; n: number }>(sql`SELECT moderator, count(*) AS n FROM decisions GROUP BY moderator ORDER BY moderator`)
  expect(byModerator.map((row) => row.moderator)).toEqual([...logins].sort())
  expect(byModerator.reduce((sum, row) => sum + row.n, 0)).toBe(decided)
  // They did get in each other's way, and were told so.
  const contention = outcomes.reduce((sum, outcome) => sum + outcome.skipped + outcome.refused, 0)
  expect(contention).toBeGreaterThan(0)

  const p95 = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length * 0.95)]
  console.log(
    `${MODERATORS} moderators × ${SECONDS} s: ${decided} comments decided, ${contention} refused or skipped as already decided; ` +
      `page p95 ${p95(outcomes.flatMap((o) => o.pageMs)).toFixed(1)} ms, decision p95 ${p95(outcomes.flatMap((o) => o.decisionMs)).toFixed(1)} ms`
  )
}, 600_000)
