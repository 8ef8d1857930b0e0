// Statements that change a few comments must find them by key. A scan of the whole table looks the same in
// a test of twenty comments and costs a million rows a statement on a newsroom's database: the projection
// of scores once scanned every comment for each 500 it wrote (a cast hid the key from SQLite's planner),
// and a scoring job ran at a third of its speed. So this reads SQLite's plan of every such statement the
// engine prepares while it imports, scores, decides and undoes (queue pages: tests/unit/queue-pages.test.ts).
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { comment, decideByIds, tempDir, tempEngine, writeNdjson } from '../support/temp-engine'

const prepared: string[] = []
const originalPrepare = Database.prototype.prepare
afterEach(() => {
  Database.prototype.prepare = originalPrepare
})

function recordStatements(): void {
  prepared.length = 0
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    prepared.push(source)
    return originalPrepare.call(this, source)
  } as typeof originalPrepare
}

/** Statements that write to comments, with what SQLite plans for them; parameters bound as nulls. */
function plansOfCommentWrites(db: Database.Database): { statement: string; plan: string[] }[] {
  const writes = [...new Set(prepared)].filter((source) => /^\s*(UPDATE|DELETE FROM)\s+comments\b/i.test(source))
  return writes.map((statement) => ({ statement: statement.replace(/\s+/g, ' ').slice(0, 160), plan: planOf(db, statement) }))
}

function planOf(db: Database.Database, statement: string): string[] {
  const parameters = (statement.match(/\?/g) ?? []).length
  const explain = originalPrepare.call(db, `EXPLAIN QUERY PLAN ${statement}`) as Database.Statement<unknown[], { detail: string }>
  return explain.all(...Array<null>(parameters).fill(null)).map((row) => row.detail)
}

describe('query plans', () => {
  it('find the comments a statement writes by key: no write walks the whole comments table', async () => {
    recordStatements()
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    // Enough comments for statements of 500 rows: the planner weighs a short VALUES list differently.
    const lines = Array.from({ length: 600 }, (_, i) =>
      comment(`c${i}`, i % 4 === 0 ? `You idiot number ${i}, get lost` : `A fair point about the budget, ${i}`)
    )
    await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', lines) })
    await engine.call('score', { scorer: 'local' })
    await engine.call('decide', { filter: { queue: 'review' }, action: 'approve' })
    await engine.call('undo', {})
    await decideByIds(engine, ['c0'], 'remove', { clause: 'abusive' })

    const plans = plansOfCommentWrites(engine.db)
    expect(plans.map((entry) => entry.statement)).toEqual(expect.arrayContaining([expect.stringMatching(/^UPDATE comments SET scores = /)]))
    const scans = plans.filter((entry) => entry.plan.some((step) => /^SCAN comments\b/.test(step)))
    expect(scans).toEqual([])
  })
})
