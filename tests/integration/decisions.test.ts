import { sql } from '../../src/main/engine/database/sql/sql'
import { describe, expect, it } from 'vitest'
import { comment, RESOURCES_DIR, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'
import { join } from 'node:path'

async function engineWith(ids: string[], dir = tempDir()) {
  const engine = await tempEngine({}, dir)
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', ids.map((id) => comment(id, `comment ${id} is a stupid idiot`))) })
  await engine.call('score', { scorer: 'local' })
  return engine
}

const status = (engine: TestEngine, id: string) =>
  engine.sql.get(sql`SELECT status, clause FROM comments WHERE external_id = ${id}`)

const keyOf = (engine: TestEngine, id: string) =>
  (engine.sql.get(sql`SELECT id FROM comments WHERE external_id = ${id}`) as { id: number }).id

describe('decisions', () => {
  it('approves, removes with a clause, disables and re-enables, logging who, when, what and the scores', async () => {
    const engine = await engineWith(['c1', 'c2', 'c3'])
    await engine.call('decide', { keys: [keyOf(engine, 'c1')], action: 'approve' })
    await engine.call('decide', { keys: [keyOf(engine, 'c2')], action: 'remove', clause: 'abusive', note: 'called a reader an idiot' })
    await engine.call('decide', { keys: [keyOf(engine, 'c3')], action: 'disable' })
    expect(status(engine, 'c1')).toEqual({ status: 'approved', clause: null })
    expect(status(engine, 'c2')).toEqual({ status: 'removed', clause: 'abusive' })
    expect(status(engine, 'c3')).toEqual({ status: 'disabled', clause: null })
    await engine.call('decide', { keys: [keyOf(engine, 'c3')], action: 'enable' })
    expect(status(engine, 'c3')).toEqual({ status: 'approved', clause: null })

    const removal = engine.sql.get(sql`SELECT * FROM decisions WHERE action = 'remove'`) as Record<string, unknown>
    expect(removal).toMatchObject({
      moderator: 'alice',
      clause: 'abusive',
      clause_title: 'Abusive',
      note: 'called a reader an idiot',
      status_before: 'pending',
      status_after: 'removed'
    })
    expect(JSON.parse(removal.scores as string).INSULT).toBeGreaterThan(0.5)
    expect(Date.parse(removal.decided_at as string)).not.toBeNaN()
  })

  it('refuses a removal without a valid clause, and changes nothing', async () => {
    const engine = await engineWith(['c1'])
    const key = keyOf(engine, 'c1')
    await expect(engine.call('decide', { keys: [key], action: 'remove' })).rejects.toThrow(/must name a Terms-of-Use clause/)
    await expect(engine.call('decide', { keys: [key], action: 'remove', clause: 'rude' })).rejects.toThrow(/not a clause/)
    await expect(engine.call('decide', { keys: [key], action: 'approve', clause: 'spam' })).rejects.toThrow(/Only a removal/)
    expect(status(engine, 'c1')).toEqual({ status: 'pending', clause: null })
    expect(engine.sql.get(sql`SELECT count(*) AS n FROM decisions`)).toEqual({ n: 0 })
  })

  it('re-enables only a disabled or removed comment: on a pending or approved one it changes nothing', async () => {
    const engine = await engineWith(['pending', 'approved', 'disabled', 'removed'])
    await engine.call('decide', { keys: [keyOf(engine, 'approved')], action: 'approve' })
    await engine.call('decide', { keys: [keyOf(engine, 'disabled')], action: 'disable' })
    await engine.call('decide', { keys: [keyOf(engine, 'removed')], action: 'remove', clause: 'spam' })
    const logged = () => (engine.sql.get(sql`SELECT count(*) AS n FROM decisions`) as { n: number }).n
    const before = logged()

    expect((await engine.call('decide', { keys: [keyOf(engine, 'pending')], action: 'enable' })).changed).toBe(0)
    expect(status(engine, 'pending')).toEqual({ status: 'pending', clause: null })
    expect(logged()).toBe(before)

    const all = ['pending', 'approved', 'disabled', 'removed'].map((id) => keyOf(engine, id))
    expect((await engine.call('decide', { keys: all, action: 'enable' })).changed).toBe(2)
    expect(status(engine, 'pending')).toEqual({ status: 'pending', clause: null })
    expect(status(engine, 'disabled')).toEqual({ status: 'approved', clause: null })
    expect(status(engine, 'removed')).toEqual({ status: 'approved', clause: null })
    expect((await engine.call('decide', { filter: { queue: 'all' }, action: 'enable' })).changed).toBe(0)
    expect(status(engine, 'pending')).toEqual({ status: 'pending', clause: null })
    // A decision that changed nothing is no step of the undo stack: z takes back the last real one.
    expect(await engine.call('undo', {})).toMatchObject({ action: 'enable', ids: ['disabled', 'removed'] })
  })

  it('undo restores an escalation the decision settled, and redo settles it again', async () => {
    const engine = await engineWith(['c1', 'c2'])
    const [c1, c2] = [keyOf(engine, 'c1'), keyOf(engine, 'c2')]
    await engine.call('escalate', { keys: [c1, c2], note: 'legal: names a private person' })
    const open = () => engine.sql.all(sql`SELECT c.external_id AS id FROM escalations e JOIN comments c ON c.id = e.comment_id WHERE resolved_at IS NULL ORDER BY 1`)
    await engine.call('decide', { keys: [c1], action: 'approve' })
    expect(open()).toEqual([{ id: 'c2' }])
    expect((await engine.call('counts', {})).escalated).toBe(1)

    await engine.call('undo', {})
    expect(open()).toEqual([{ id: 'c1' }, { id: 'c2' }])
    expect((await engine.call('counts', {})).escalated).toBe(2)
    const row = (await engine.call('queuePage', { filter: { queue: 'escalated' }, sort: 'priority', after: null, limit: 10 })).rows
    expect(row.map((comment) => comment.escalated)).toEqual([true, true])
    expect((await engine.call('commentDetail', { key: c1 })).escalation?.note).toBe('legal: names a private person')

    await engine.call('redo', {})
    expect(open()).toEqual([{ id: 'c2' }])
    await engine.call('undo', {})
    expect(open()).toEqual([{ id: 'c1' }, { id: 'c2' }])
  })

  it('undoes the last decision, then the one before, restoring status and clause exactly', async () => {
    const engine = await engineWith(['c1', 'c2'])
    await engine.call('decide', { keys: [keyOf(engine, 'c1')], action: 'remove', clause: 'spam' })
    await engine.call('decide', { keys: [keyOf(engine, 'c1')], action: 'remove', clause: 'threat' })
    await engine.call('decide', { keys: [keyOf(engine, 'c2')], action: 'approve' })

    expect(await engine.call('undo', {})).toMatchObject({ ids: ['c2'], action: 'approve' })
    expect(status(engine, 'c2')).toEqual({ status: 'pending', clause: null })
    expect(await engine.call('undo', {})).toMatchObject({ ids: ['c1'], action: 'remove' })
    expect(status(engine, 'c1')).toEqual({ status: 'removed', clause: 'spam' })
    await engine.call('undo', {})
    expect(status(engine, 'c1')).toEqual({ status: 'pending', clause: null })
    expect(await engine.call('undo', {})).toEqual({ batchId: null, ids: [], action: null })
  })

  it('applies a bulk decision whole, and one undo reverts all of it', async () => {
    const engine = await engineWith(['c1', 'c2', 'c3', 'c4'])
    const keys = ['c1', 'c2', 'c3'].map((id) => keyOf(engine, id))
    const result = await engine.call('decide', { keys, action: 'disable' })
    expect(result.changed).toBe(3)
    expect((await engine.call('counts', {})).disabled).toBe(3)
    expect((await engine.call('undo', {})).ids.sort()).toEqual(['c1', 'c2', 'c3'])
    expect((await engine.call('counts', {})).disabled).toBe(0)
  })

  it('does not let an undo overwrite a later decision by someone else', async () => {
    const dir = tempDir()
    const alice = await engineWith(['d1', 'd2'], dir)
    const [d1, d2] = [keyOf(alice, 'd1'), keyOf(alice, 'd2')]
    await alice.call('decide', { keys: [d1, d2], action: 'approve' })
    const bob = await tempEngine({ moderator: 'bob' }, dir)
    await bob.call('decide', { keys: [d1], action: 'remove', clause: 'abusive' })
    expect((await alice.call('undo', {})).ids).toEqual(['d2'])
    expect(status(alice, 'd1')).toEqual({ status: 'removed', clause: 'abusive' })
    expect(status(alice, 'd2')).toEqual({ status: 'pending', clause: null })
  })

  it('keeps the log append-only and the status projection equal to what the log says', async () => {
    const engine = await engineWith(['c1', 'c2', 'c3'])
    const keys = ['c1', 'c2', 'c3'].map((id) => keyOf(engine, id))
    await engine.call('decide', { keys, action: 'approve' })
    await engine.call('decide', { keys: [keys[1]], action: 'remove', clause: 'hate' })
    await engine.call('undo', {})
    await engine.call('decide', { keys: [keys[2]], action: 'disable' })
    expect(() => engine.sql.run(sql`UPDATE decisions SET action = 'approve'`)).toThrow(/append-only/)
    expect(() => engine.sql.run(sql`DELETE FROM decisions`)).toThrow(/append-only/)
    const mismatches = engine.sql.all(
      sql`SELECT c.external_id FROM comments c
          JOIN decisions d ON d.id = (SELECT max(id) FROM decisions WHERE comment_id = c.id)
          WHERE c.status IS DISTINCT FROM d.status_after OR c.clause IS DISTINCT FROM d.clause`
    )
    expect(mismatches).toEqual([])
  })

  it('loses nothing when the app is closed and opened again', async () => {
    const dir = tempDir()
    const engine = await engineWith(['c1', 'c2'], dir)
    await engine.call('decide', { keys: [keyOf(engine, 'c1')], action: 'remove', clause: 'privacy', note: 'phone number' })
    await engine.close()
    const reopened = await tempEngine({ dbPath: join(dir, 'sieve.db'), resourcesDir: RESOURCES_DIR, moderator: 'alice' }, dir)
    try {
      expect(status(reopened, 'c1')).toEqual({ status: 'removed', clause: 'privacy' })
      const counts = await reopened.call('counts', {})
      expect(counts).toMatchObject({ review: 1, removed: 1, all: 2 })
      expect((await reopened.call('undo', {})).ids).toEqual(['c1'])
    } finally {
      await reopened.close()
    }
  })
})

describe('redo', () => {
  it('walks back up the undo stack, and a fresh decision ends it', async () => {
    const engine = await engineWith(['c1', 'c2', 'c3'])
    const [k1, k2, k3] = ['c1', 'c2', 'c3'].map((id) => keyOf(engine, id))
    await engine.call('decide', { keys: [k1], action: 'remove', clause: 'spam' })
    await engine.call('decide', { keys: [k2, k3], action: 'approve' })
    await engine.call('undo', {})
    await engine.call('undo', {})
    expect(await engine.call('counts', {})).toMatchObject({ review: 3 })

    expect(await engine.call('redo', {})).toMatchObject({ ids: ['c1'], action: 'remove' })
    expect(status(engine, 'c1')).toEqual({ status: 'removed', clause: 'spam' })
    expect((await engine.call('redo', {})).ids.sort()).toEqual(['c2', 'c3'])
    expect(await engine.call('redo', {})).toMatchObject({ batchId: null })
    // A redo is itself undoable.
    expect((await engine.call('undo', {})).ids.sort()).toEqual(['c2', 'c3'])
    // A fresh decision ends the redo stack.
    await engine.call('decide', { keys: [k2], action: 'disable' })
    expect(await engine.call('redo', {})).toMatchObject({ batchId: null, ids: [] })
    expect(status(engine, 'c3')).toEqual({ status: 'pending', clause: null })
  })
})
