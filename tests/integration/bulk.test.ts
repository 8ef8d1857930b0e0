import { sql } from '../../src/main/engine/database/sql/sql'
import { describe, expect, it } from 'vitest'
import { parseWhere } from '../../src/shared/filter'
import { comment, tempDir, tempEngine, writeNdjson } from '../support/temp-engine'

async function demoLike() {
  const dir = tempDir()
  const engine = await tempEngine({}, dir)
  const texts = [
    'Thank you for explaining the affidavit rule so clearly.',
    'Interesting analysis of the summit.',
    'Good reporting, keep it up.',
    'You are a stupid idiot.',
    'I will kill you, we know where you live.',
    'Earn 50000 per week from home, WhatsApp +91 90000 12345'
  ]
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', texts.map((text, i) => comment(`c${i}`, text, { reports: i >= 3 ? i : 0, article: { id: i % 2 ? 'a1' : 'a2', title: 'T' } }))) })
  await engine.call('score', { scorer: 'local' })
  return engine
}

describe('bulk actions over a filter', () => {
  it('approves every comment under a score in one batch, without loading them, and one undo reverts it', async () => {
    const engine = await demoLike()
    const filter = parseWhere('queue=review,score<0.3')
    expect(await engine.call('count', { filter })).toBe(3)
    const result = await engine.call('decide', { filter, action: 'approve' })
    expect(result.changed).toBe(3)
    expect(engine.sql.get(sql`SELECT count(DISTINCT batch_id) AS n FROM decisions`)).toEqual({ n: 1 })
    expect(await engine.call('counts', {})).toMatchObject({ review: 3, approved: 3 })

    const undone = await engine.call('undo', {})
    expect(undone.ids.sort()).toEqual(['c0', 'c1', 'c2'])
    expect(await engine.call('counts', {})).toMatchObject({ review: 6, approved: 0 })
  })

  it('combines conditions: reports, article, full-text search', async () => {
    const engine = await demoLike()
    expect(await engine.call('count', { filter: parseWhere('reports>=4') })).toBe(2)
    expect(await engine.call('count', { filter: parseWhere('article=a1') })).toBe(3)
    expect(await engine.call('count', { filter: parseWhere('search=affidavit') })).toBe(1)
    expect(await engine.call('count', { filter: parseWhere('search=kill,threat>=0.5') })).toBe(1)
    expect(await engine.call('count', { filter: parseWhere('queue=all,search="OR') })).toBe(0)
    const page = await engine.client.call('queuePage', { filter: parseWhere('search=summit') })
    expect(page.rows.map((row) => row.id)).toEqual(['c1'])
  })

  it('removes everything matching with a clause, and refuses a filtered removal without one', async () => {
    const engine = await demoLike()
    const filter = parseWhere('score>=0.5')
    await expect(engine.call('decide', { filter, action: 'remove' })).rejects.toThrow(/must name a Terms-of-Use clause/)
    const result = await engine.call('decide', { filter, action: 'remove', clause: 'abusive', note: 'bulk' })
    expect(result.changed).toBe(3)
    const removed = engine.sql.get(sql`SELECT count(*) AS n FROM comments WHERE status = 'removed' AND clause = 'abusive'`)
    expect(removed).toEqual({ n: 3 })
  })
})

describe('escalation and the reported queue', () => {
  it('puts escalated comments in their queue with the note, until someone decides', async () => {
    const engine = await demoLike()
    const client = engine.client
    const keys = (engine.sql.all(sql`SELECT id FROM comments WHERE external_id IN ('c3', 'c4') ORDER BY id`) as { id: number }[]).map((r) => r.id)
    await expect(client.call('escalate', { keys, note: '  ' })).rejects.toThrow(/needs a note/)
    expect(await client.call('escalate', { keys, note: 'legal: names a private person' })).toEqual({ escalated: 2 })
    expect(await client.call('escalate', { keys, note: 'again' })).toEqual({ escalated: 0 })
    expect((await client.call('counts', {})).escalated).toBe(2)
    const page = await client.call('queuePage', { filter: { queue: 'escalated' } })
    expect(page.rows.map((row) => row.id).sort()).toEqual(['c3', 'c4'])
    expect((await client.call('commentDetail', { key: keys[0] })).escalation).toMatchObject({ note: 'legal: names a private person', moderator: 'alice' })

    await client.call('decide', { keys: [keys[0]], action: 'remove', clause: 'abusive' })
    expect((await client.call('counts', {})).escalated).toBe(1)
    expect((await client.call('commentDetail', { key: keys[0] })).escalation).toBeNull()
  })

  it('lists pending comments readers reported in their own queue', async () => {
    const engine = await demoLike()
    const client = engine.client
    expect((await client.call('counts', {})).reported).toBe(3)
    const page = await client.call('queuePage', { filter: { queue: 'reported' }, sort: 'reports' })
    expect(page.rows.map((row) => row.reports)).toEqual([5, 4, 3])
  })
})

describe('the score histogram', () => {
  it('counts the comments of a view in equal score bands, for the strongest attribute or one', async () => {
    const engine = await demoLike()
    const client = engine.client
    const strongest = await client.call('histogram', { filter: { queue: 'review' } })
    expect(strongest).toHaveLength(20)
    expect(strongest.reduce((a, b) => a + b, 0)).toBe(6)
    const civil = strongest.slice(0, 6).reduce((a, b) => a + b, 0)
    expect(civil).toBe(3) // the three civil comments score under 0.3
    const spam = await client.call('histogram', { filter: { queue: 'review' }, attribute: 'SPAM', buckets: 10 })
    expect(spam.reduce((a, b) => a + b, 0)).toBe(6)
    expect(spam.slice(5).reduce((a, b) => a + b, 0)).toBe(1)
    // The band below 0.3 is exactly what a filter on it matches.
    expect(await client.call('count', { filter: { queue: 'review', score: { gte: 0, lt: 0.3 } } })).toBe(civil)
  })
})
