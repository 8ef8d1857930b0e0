import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { QUEUES, SORTS, type CommentRow } from '../../src/shared/model'
import { ensureSource, upsertComments, type IncomingComment } from '../../src/main/engine/sources/store/comments'
import type { RawBuilder } from 'kysely'
import { openDatabase, type Db } from '../../src/main/engine/database/database'
import { compile } from '../../src/main/engine/database/sql/compile'
import { queuePage, type PageQuery } from '../../src/main/engine/moderation/store/queues'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-08-17T12:00:00Z')

function seeded(count: number): Db {
  const db = openDatabase(join(tempDir(), 'pages.db'))
  const source = ensureSource(db, 'file', 'test', NOW)
  const comments: IncomingComment[] = Array.from({ length: count }, (_, i) => ({
    externalId: `c${i}`,
    text: `comment ${i}`,
    author: null,
    article: null,
    parentExternalId: null,
    // Many ties on every sort key, so the id tie-breaker matters.
    createdAt: new Date(Date.parse('2026-08-16T00:00:00Z') + (i % 7) * 60_000).toISOString(),
    modifiedAt: null,
    upstreamStatus: (['pending', 'pending', 'approved', 'removed', 'disabled'] as const)[i % 5],
    reports: i % 3,
    raw: null
  }))
  upsertComments(db, source, comments, NOW)
  db.sqlite!.prepare('UPDATE comments SET priority = (id % 10) / 10.0, flagged = (id % 10) >= 7').run()
  db.sqlite!.prepare("UPDATE comments SET conflict = 'Changed upstream' WHERE id % 6 = 0").run()
  db.sqlite!.prepare(
    "INSERT INTO escalations (comment_id, note, moderator, machine, created_at) SELECT id, 'legal', 'm', 'h', 'now' FROM comments WHERE id % 4 = 0"
  ).run()
  return db
}

function everyPage(db: Db, query: Omit<PageQuery, 'after' | 'limit'>): CommentRow[] {
  const rows: CommentRow[] = []
  let after: string | null = null
  do {
    const page = queuePage(db, { ...query, after, limit: 7 })
    rows.push(...page.rows)
    after = page.next
  } while (after)
  return rows
}

describe('queue pages', () => {
  it('page through every queue under every sort exactly once, in order', () => {
    const db = seeded(60)
    for (const queue of QUEUES) {
      for (const sort of SORTS) {
        const rows = everyPage(db, { filter: { queue }, sort })
        const expected = db
          .sqlite!
          .prepare(
            `SELECT count(*) AS n FROM comments WHERE ${
              { review: "status = 'pending'", likely: "status = 'pending' AND flagged = 1", reported: "status = 'pending' AND reports > 0", teach: "status = 'pending'", escalated: 'id IN (SELECT comment_id FROM escalations WHERE resolved_at IS NULL)', approved: "status = 'approved'", removed: "status = 'removed'", disabled: "status = 'disabled'", conflicts: 'conflict IS NOT NULL', all: '1' }[queue]
            }`
          )
          .get() as { n: number }
        expect(new Set(rows.map((row) => row.key)).size, `${queue}/${sort}`).toBe(expected.n)
        expect(rows.length, `${queue}/${sort}`).toBe(expected.n)
        const teachRank = (row: CommentRow) => (db.sqlite!.prepare('SELECT teach_rank AS t FROM comments WHERE id = ?').get(row.key) as { t: number }).t
        const value = (row: CommentRow) => (sort === 'priority' ? row.priority : sort === 'reports' ? row.reports : sort === 'teach' ? teachRank(row) : row.createdAt!)
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [value(rows[i - 1]), value(rows[i])]
          if (sort === 'oldest') expect(a <= b).toBe(true)
          else expect(a >= b).toBe(true)
        }
      }
    }
  })

  it('never scan the whole comments table or sort it: every queue page walks an index', () => {
    // Escalated and conflicting comments are few: those queues may sort their matches, and must find them
    // without walking a sort order past every other comment (an empty Conflicts queue once took 3.6 s at
    // 1M that way). Reported comments can be many (5% at 1M sorted for 190 ms): they have indexes of their own.
    const SMALL_QUEUES = new Set(['escalated', 'conflicts'])
    const db = seeded(10)
    for (const queue of QUEUES) {
      for (const sort of SORTS) {
        for (const after of [null, JSON.stringify([0.5, 3])]) {
          const plan = explain(db, { filter: { queue }, sort, after: sort === 'priority' ? after : after && JSON.stringify(['2026-08-16', 3]), limit: 100 })
          expect(plan, `${queue}/${sort}`).not.toMatch(/SCAN c\b(?! USING)/)
          if (!SMALL_QUEUES.has(queue)) expect(plan, `${queue}/${sort}`).not.toMatch(/TEMP B-TREE/)
          else expect(plan, `${queue}/${sort}`).not.toMatch(/SCAN c\b/)
        }
      }
    }
  })

  it('page through search results newest-added first, walking the search index rather than sorting', () => {
    const db = seeded(60)
    for (const queue of ['all', 'review'] as const) {
      const rows = everyPage(db, { filter: { queue, search: 'comment' }, sort: 'priority' })
      const expected = queue === 'all' ? 60 : 24
      expect(rows.map((row) => row.key)).toEqual([...rows.map((row) => row.key)].sort((a, b) => b - a))
      expect(new Set(rows.map((row) => row.key)).size).toBe(expected)
      const plan = explain(db, { filter: { queue, search: 'comment' }, sort: 'priority', after: JSON.stringify([30, 30]), limit: 100 })
      expect(plan).not.toMatch(/TEMP B-TREE/)
    }
  })

  it('refuses a cursor it did not hand out', () => {
    const db = seeded(3)
    expect(() => queuePage(db, { filter: { queue: 'all' }, sort: 'priority', after: '"; DROP TABLE comments', limit: 5 })).toThrow(/cursor/)
  })
})

/** The query plan of a queue page, by asking SQLite to explain the SQL queuePage runs. */
function explain(db: Db, query: PageQuery): string {
  let plan = ''
  const explaining: Db = {
    ...db,
    all<R>(statement: RawBuilder<unknown>): R[] {
      const { text, values } = compile('sqlite', statement)
      if (/FROM comments c/.test(text)) {
        const steps = db.sqlite!.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...values) as { detail: string }[]
        plan = steps.map((row) => row.detail).join('\n')
      }
      return db.all<R>(statement)
    }
  }
  queuePage(explaining, query)
  return plan
}
