import { sql } from '../../src/main/engine/database/sql/sql'
import { describe, expect, it } from 'vitest'
import { comment, tempDir, tempEngine, writeNdjson, decideByIds } from '../support/temp-engine'

describe('importing the NDJSON interchange format', () => {
  it('lands good lines, reports each bad line with its number and reason, and keeps unknown fields', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const file = writeNdjson(dir, 'in.ndjson', [
      comment('c1', 'A calm and civil remark.', { sentiment: 'meh', nested: { a: [1, 2] } }),
      '{"id": "c2", "text": ',
      { text: 'no id here' },
      comment('c3', 'Another fine comment.'),
      { id: 'c4', text: 'bad date', createdAt: 'yesterday' },
      '',
      comment('c1', 'the same id again'),
      { id: 'c5', text: 'minimal' }
    ])
    const report = await engine.call('importFile', { path: file })
    expect(report.added).toBe(3)
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3, 5, 7])
    expect(report.rejected[0].reason).toMatch(/not valid JSON/)
    expect(report.rejected[1].reason).toMatch(/id/)
    expect(report.rejected[2].reason).toMatch(/createdAt/)
    expect(report.rejected[3].reason).toMatch(/already appeared on line 1/)
    const raw = engine.sql.get(sql`SELECT raw FROM comments WHERE external_id = 'c1'`) as { raw: string }
    expect(JSON.parse(raw.raw)).toEqual({ sentiment: 'meh', nested: { a: [1, 2] } })
  })

  it('updates re-imported comments in place and never duplicates them or touches their decisions', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'one.ndjson', [comment('c1', 'first text'), comment('c2', 'other')]) })
    await decideByIds(engine, ['c1'], 'remove', { clause: 'abusive' })

    const again = await engine.call('importFile', { path: writeNdjson(dir, 'two.ndjson', [comment('c1', 'edited text', { reports: 3 }), comment('c2', 'other'), comment('c3', 'new')]) })
    expect(again).toMatchObject({ added: 1, updated: 1, unchanged: 1 })
    const rows = engine.sql.all(sql`SELECT external_id, text, status, reports FROM comments ORDER BY external_id`)
    expect(rows).toEqual([
      { external_id: 'c1', text: 'edited text', status: 'removed', reports: 3 },
      { external_id: 'c2', text: 'other', status: 'pending', reports: 0 },
      { external_id: 'c3', text: 'new', status: 'pending', reports: 0 }
    ])
    expect(engine.sql.get(sql`SELECT count(*) AS n FROM decisions`)).toEqual({ n: 1 })
  })

  it('follows the platform status of comments nobody has decided on', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'a.ndjson', [comment('c1', 'x'), comment('c2', 'y', { status: 'approved' })]) })
    await engine.call('importFile', { path: writeNdjson(dir, 'b.ndjson', [comment('c1', 'x', { status: 'approved' })]) })
    const statuses = engine.sql.all(sql`SELECT external_id, status FROM comments ORDER BY external_id`)
    expect(statuses).toEqual([
      { external_id: 'c1', status: 'approved' },
      { external_id: 'c2', status: 'approved' }
    ])
  })

  it('drops stale scores when the text changes, so the comment is scored again', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'a.ndjson', [comment('c1', 'You are an idiot')]) })
    await engine.call('score', { scorer: 'local' })
    const before = engine.sql.get(sql`SELECT priority FROM comments WHERE external_id = 'c1'`) as { priority: number }
    expect(before.priority).toBeGreaterThan(0.5)
    await engine.call('importFile', { path: writeNdjson(dir, 'b.ndjson', [comment('c1', 'Thank you for the reporting')]) })
    expect((await engine.call('score', { scorer: 'local' })).done).toBe(1)
    const after = engine.sql.get(sql`SELECT priority FROM comments WHERE external_id = 'c1'`) as { priority: number }
    expect(after.priority).toBeLessThan(0.3)
  })
})
