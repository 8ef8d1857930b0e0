import { sql } from '../../src/main/engine/database/sql/sql'
// A moderation history with known numbers, made through the engine's own decide and undo: three
// moderators (one of them an automated rule) over two days, five clauses, an undone removal, a reported
// comment and scores fixed per comment, so every figure in a report can be worked out by hand.
import { join } from 'node:path'
import type { EngineOptions } from '../../src/main/engine/engine'
import { decide } from '../../src/main/engine/moderation/decide'
import { loadPolicy } from '../../src/main/engine/moderation/policy'
import { resolveExternalId } from '../../src/main/engine/sources/store/comments'
import { comment, decideByIds, RESOURCES_DIR, tempDir, tempEngine, writeNdjson, type TestEngine } from './temp-engine'

/** A clock the test moves by hand. */
export function settableClock(start: string) {
  let now = new Date(start)
  return { now: () => now, set: (iso: string) => (now = new Date(iso)) }
}

const A1 = { id: 'a1', title: 'Putin lauds North Korean troops', url: 'https://news.example/a1' }
const A2 = { id: 'a2', title: '<img src=x onerror=alert(1)> Budget & "reforms"', url: 'https://news.example/a2' }
const POSTED = '2026-08-16T10:00:00Z'

/** The strongest score each comment has when it is decided. */
export const FIXTURE_SCORES: Record<string, number> = { c1: 0.95, c2: 0.8, c3: 0.92, c4: 0.2, c5: 0.97, c6: 0.1, c7: 0.6, c8: 0.75, c9: 0.99 }

export interface ReportFixture {
  dir: string
  dbPath: string
  alice: TestEngine
  engineFor(moderator: string, extra?: Partial<EngineOptions>): Promise<TestEngine>
}

/**
 * alice, 2026-08-17: removes c1 (abusive) 09:00, c2 (threat) 09:01, approves c3 09:02, disables c4 09:03,
 *   removes c5 (spam) 09:04 and undoes that at 09:05.
 * bob, 2026-08-18: approves c6 and c7 in one action 10:00, removes c8 (illegal; reported twice) 10:10.
 * auto-rules, 2026-08-18: removes c9 (spam, posted 10:59) at 11:00, automated.
 * c1–c4 are on article a1, c5–c9 on a2 (whose title is hostile markup).
 */
export async function reportFixture(): Promise<ReportFixture> {
  const dir = tempDir()
  const dbPath = join(dir, 'sieve.db')
  const engineFor = (moderator: string, extra: Partial<EngineOptions> = {}) => tempEngine({ dbPath, moderator, ...extra }, dir)

  const aliceClock = settableClock('2026-08-17T08:00:00Z')
  const alice = await engineFor('alice', { now: aliceClock.now })
  const lines = Object.keys(FIXTURE_SCORES).map((id) =>
    comment(id, `comment ${id}`, {
      article: Number(id.slice(1)) <= 4 ? A1 : A2,
      author: { id: `u-${id}`, name: id === 'c8' ? 'Reader <b>Eight</b>' : `Reader ${id}` },
      createdAt: id === 'c9' ? '2026-08-18T10:59:00Z' : POSTED,
      reports: id === 'c8' ? 2 : 0
    })
  )
  await alice.call('importFile', { path: writeNdjson(dir, 'fixture.ndjson', lines), source: 'Demo site' })
  for (const [id, score] of Object.entries(FIXTURE_SCORES)) {
    alice.sql.run(sql`UPDATE comments SET scores = ${JSON.stringify({ TOXICITY: score, INSULT: score / 2 })} WHERE external_id = ${id}`)
  }

  const at = async (iso: string, act: () => Promise<unknown>) => {
    aliceClock.set(iso)
    await act()
  }
  await at('2026-08-17T09:00:00Z', () => decideByIds(alice, ['c1'], 'remove', { clause: 'abusive', note: '=HYPERLINK("http://evil")' }))
  await at('2026-08-17T09:01:00Z', () => decideByIds(alice, ['c2'], 'remove', { clause: 'threat' }))
  await at('2026-08-17T09:02:00Z', () => decideByIds(alice, ['c3'], 'approve', {}))
  await at('2026-08-17T09:03:00Z', () => decideByIds(alice, ['c4'], 'disable', { note: 'legal check' }))
  await at('2026-08-17T09:04:00Z', () => decideByIds(alice, ['c5'], 'remove', { clause: 'spam' }))
  aliceClock.set('2026-08-17T09:05:00Z')
  await alice.call('undo', {})

  const bobClock = settableClock('2026-08-18T10:00:00Z')
  const bob = await engineFor('bob', { now: bobClock.now })
  await decideByIds(bob, ['c6', 'c7'], 'approve', {})
  bobClock.set('2026-08-18T10:10:00Z')
  await decideByIds(bob, ['c8'], 'remove', { clause: 'illegal' })

  // What an automatic rule does, as the rules do it.
  decide(
    alice.sql,
    loadPolicy(join(RESOURCES_DIR, 'policy', 'terms-of-use.json')),
    { moderator: 'auto-rules', machine: 'server' },
    { target: { keys: [resolveExternalId(alice.sql, 'c9')] }, action: 'remove', clause: 'spam', automated: true },
    new Date('2026-08-18T11:00:00Z')
  )
  return { dir, dbPath, alice, engineFor }
}

export const WHOLE_PERIOD = { from: '2026-08-17', to: '2026-08-18' }
