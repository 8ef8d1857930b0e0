import { sql } from '../../src/main/engine/database/sql/sql'
import { describe, expect, it } from 'vitest'
import { comment, tempDir, tempEngine, writeNdjson, decideByIds } from '../support/temp-engine'

describe('the detail of one comment', () => {
  it('brings its thread, article, author record, scores and decision history', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const troll = { id: 'u-troll', name: 'Troll' }
    await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', [
        comment('p1', 'The affidavit rule is clear.', { article: { id: 'a1', title: 'CEC warns', url: 'https://news.example/cec' } }),
        comment('c1', 'You are an idiot, the rule is a joke', { parentId: 'p1', author: troll, article: { id: 'a1' } }),
        comment('r1', 'No need for insults.', { parentId: 'c1', article: { id: 'a1' } }),
        comment('c2', 'Earlier nonsense from the troll', { author: troll, createdAt: '2026-08-15T10:00:00Z', article: { id: 'a2', title: 'Summit' } })
      ]) })
    await engine.call('score', { scorer: 'local' })
    await decideByIds(engine, ['c2'], 'remove', { clause: 'abusive' })
    await decideByIds(engine, ['c1'], 'disable', { note: 'legal check' })
    const client = engine.client
    const key = (engine.sql.get(sql`SELECT id FROM comments WHERE external_id = 'c1'`) as { id: number }).id

    const detail = await client.call('commentDetail', { key })
    expect(detail.comment).toMatchObject({ id: 'c1', status: 'disabled', sourceName: 'Imported file', authorRemoved: 1, text: 'You are an idiot, the rule is a joke' })
    expect(detail.comment.spans.map((span) => detail.comment.text.slice(span.start, span.end))).toContain('idiot')
    expect(detail.article).toEqual({ id: 'a1', title: 'CEC warns', url: 'https://news.example/cec', commentingOpen: true, closable: false })
    expect(detail.parent?.id).toBe('p1')
    expect(detail.replies.map((reply) => reply.id)).toEqual(['r1'])
    expect(detail.author).toMatchObject({ id: 'u-troll', name: 'Troll', comments: 2, removed: 1 })
    expect(detail.author?.recent.map((other) => [other.id, other.status])).toEqual([['c2', 'removed']])
    expect(detail.scorers).toHaveLength(1)
    expect(detail.scorers[0]).toMatchObject({ scorer: 'local' })
    expect(detail.scorers[0].scores.INSULT).toBeGreaterThan(0.5)
    expect(detail.history).toEqual([expect.objectContaining({ action: 'disable', moderator: 'alice', note: 'legal check', automated: false })])
    await expect(client.call('commentDetail', { key: 99999 })).rejects.toThrow(/no longer in the database/)
  })
})
