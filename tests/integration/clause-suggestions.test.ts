// Clause suggestions: each scored pending comment carries the clause a removal would most likely cite,
// read from its scores at first and learned from this newsroom's removals as moderators make them.
import { describe, expect, it } from 'vitest'
import { sql } from '../../src/main/engine/database/sql/sql'
import { comment, decideByIds, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'

// This newsroom cites "defamatory" for claims that a named official is a fraud, which the scores read as abuse.
const fraud = (i: number) => `Minister Sharma is a fraud who stole ${i} crore from the flood relief fund`
const civil = (i: number) => `Thanks for the report on the ${['budget', 'summit', 'court ruling', 'floods'][i % 4]}, detail number ${i} was useful`

async function newsroom(): Promise<{ engine: TestEngine; dir: string }> {
  const dir = tempDir()
  const engine = await tempEngine({}, dir)
  const lines = [
    ...Array.from({ length: 20 }, (_, i) => comment(`fraud${i}`, fraud(i))),
    ...Array.from({ length: 20 }, (_, i) => comment(`ok${i}`, civil(i))),
    comment('pending', fraud(999)),
    comment('threat', 'I will kill you, we know where you live.')
  ]
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', lines) })
  await engine.call('score', { scorer: 'local' })
  return { engine, dir }
}

const suggested = (engine: TestEngine, id: string) =>
  engine.sql.get<{ clause: string | null }>(sql`SELECT suggested_clause AS clause FROM comments WHERE external_id = ${id}`)!.clause

async function row(engine: TestEngine, id: string) {
  const page = await engine.call('queuePage', { filter: { queue: 'review', search: id === 'threat' ? 'kill' : '999' }, limit: 5 })
  return page.rows.find((one) => one.id === id)!
}

describe('clause suggestions', () => {
  it('are stored for every scored pending comment, read from its scores before any removal, and carried by its row', async () => {
    const { engine } = await newsroom()
    expect(engine.sql.get(sql`SELECT count(*) AS n FROM comments WHERE status = 'pending' AND suggested_clause IS NULL`)).toEqual({ n: 0 })
    expect(suggested(engine, 'threat')).toBe('threat')
    expect(suggested(engine, 'pending')).not.toBe('defamatory')
    expect((await row(engine, 'threat')).suggestedClause).toBe('threat')
  })

  it("learn this newsroom's removals: after retraining the pending comment suggests the clause its moderators cite, and so does a new one when scored", async () => {
    const { engine, dir } = await newsroom()
    await decideByIds(engine, Array.from({ length: 20 }, (_, i) => `fraud${i}`), 'remove', { clause: 'defamatory' })
    await decideByIds(engine, Array.from({ length: 20 }, (_, i) => `ok${i}`), 'approve')
    await engine.call('retrain', {})
    expect(suggested(engine, 'pending')).toBe('defamatory')
    expect((await row(engine, 'pending')).suggestedClause).toBe('defamatory')
    expect(suggested(engine, 'threat')).toBe('threat')

    await engine.call('importFile', { path: writeNdjson(dir, 'more.ndjson', [comment('later', fraud(1234))]) })
    await engine.call('score', { scorer: 'local' })
    expect(suggested(engine, 'later')).toBe('defamatory')
  })
})
