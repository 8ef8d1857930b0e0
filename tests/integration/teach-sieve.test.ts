// Teach Sieve: the pending comments the model is least sure about come first, spread out, so that the
// next decisions teach it most and are not fifty copies of one spam run.
import { describe, expect, it } from 'vitest'
import { sql } from '../../src/main/engine/database/sql/sql'
import type { CommentRow, QueuePage } from '../../src/shared/model'
import { comment, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'

const SPAM = (i: number) => `Earn 50000 per week from home, WhatsApp me now for the link ${'!'.repeat(i % 3)}`
const DISTINCT = [
  'You people never read past the headline, do you?',
  'This reporter clearly has an agenda against the farmers',
  'Thanks for the thorough reporting on the budget',
  'The council should publish the minutes before the vote',
  'Typical of this paper to bury the correction on page nine',
  'My grandmother lived through the floods of 1978 and this brings it back',
  'Whoever wrote this headline should be ashamed of themselves',
  'Is there a link to the full court ruling anywhere?'
]

async function arranged(): Promise<TestEngine> {
  const dir = tempDir()
  const engine = await tempEngine({}, dir)
  const lines = [...Array.from({ length: 10 }, (_, i) => comment(`spam${i}`, SPAM(i))), ...DISTINCT.map((text, i) => comment(`c${i}`, text))]
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', lines) })
  await engine.call('score', { scorer: 'local' })
  return engine
}

async function teachPages(engine: TestEngine, limit: number): Promise<CommentRow[]> {
  const rows: CommentRow[] = []
  let after: string | null = null
  do {
    const page: QueuePage = await engine.call('queuePage', { filter: { queue: 'teach' }, sort: 'teach', after, limit })
    rows.push(...page.rows)
    after = page.next
  } while (after)
  return rows
}

describe('Teach Sieve', () => {
  it('puts the comment the local model is least sure about first, once it has scored the queue', async () => {
    const engine = await arranged()
    const most = engine.sql.get<{ id: string }>(
      sql`SELECT external_id AS id FROM comments WHERE status = 'pending' ORDER BY uncertainty DESC, comments.id LIMIT 1`
    )!
    const page = await engine.call('queuePage', { filter: { queue: 'teach' }, sort: 'teach', limit: 5 })
    expect(page.rows[0].id).toBe(most.id)
    expect((await engine.call('counts', {})).teach).toBe(18)
  })

  it('ranks a comment scored again by what the model now thinks, not by the rank an earlier model gave it', async () => {
    const engine = await arranged()
    const rank = () =>
      engine.sql.get<{ rank: number; uncertainty: number }>(sql`SELECT teach_rank AS rank, uncertainty FROM comments WHERE external_id = 'c2'`)!
    const fresh = rank()
    // As an earlier model left it (most uncertain of all), and its scores forgotten, as when its text changes.
    engine.sql.run(sql`UPDATE comments SET uncertainty = 0.999, teach_rank = 0.999 WHERE external_id = 'c2'`)
    for (const table of ['scores', 'scorings']) {
      engine.sql.run(sql`DELETE FROM ${sql.table(table)} WHERE comment_id = (SELECT id FROM comments WHERE external_id = 'c2')`)
    }
    await engine.call('score', { scorer: 'local' })

    expect(rank()).toEqual(fresh)
    const page = await engine.call('queuePage', { filter: { queue: 'teach' }, sort: 'teach', limit: 1 })
    expect(page.rows[0].id).not.toBe('c2')
  })

  it('spreads its first page out: a near-duplicate of a comment already shown waits until after every other one', async () => {
    const engine = await arranged()
    // The spam run is what the model is least sure about (arranged), the others less and less so; scoring
    // leaves each comment ranked by its uncertainty, as here.
    const set = (uncertainty: number, id: string) =>
      engine.sql.run(sql`UPDATE comments SET uncertainty = ${uncertainty}, teach_rank = ${uncertainty} WHERE external_id = ${id}`)
    Array.from({ length: 10 }, (_, i) => set(0.99 - i / 1000, `spam${i}`))
    DISTINCT.forEach((_, i) => set(0.9 - i / 10, `c${i}`))
    await engine.call('score', { scorer: 'local' }) // nothing new to score; the teaching order is kept afresh

    const rows = await teachPages(engine, 4)
    expect(rows.map((row) => row.id)).toEqual(['spam0', ...DISTINCT.map((_, i) => `c${i}`), ...Array.from({ length: 9 }, (_, i) => `spam${i + 1}`)])
    const first = rows.slice(0, 9).map((row) => row.id)
    expect(first.filter((id) => id.startsWith('spam'))).toHaveLength(1)
  })
})
