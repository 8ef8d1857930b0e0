import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { FIXTURE_SCORES, reportFixture, WHOLE_PERIOD } from '../support/report-fixture'
import { comment, writeNdjson } from '../support/temp-engine'

describe('the summary report', () => {
  it('counts every decision of the period by action, clause, moderator, article and day', async () => {
    const { alice } = await reportFixture()
    const { summary } = await alice.call('reportPreview', { filter: WHOLE_PERIOD })

    expect(summary.decisions).toBe(9)
    expect(summary.byAction).toEqual({ approve: 3, remove: 5, disable: 1, enable: 0 })
    expect(summary.byClause).toEqual([
      { code: 'spam', title: 'Spam or advertising', removals: 2 },
      { code: 'abusive', title: 'Abusive', removals: 1 },
      { code: 'illegal', title: 'Illegal', removals: 1 },
      { code: 'threat', title: 'Threat of violence', removals: 1 }
    ])
    expect(summary.byArticle.map(({ id, decisions, removals }) => [id, decisions, removals])).toEqual([
      ['a2', 5, 3],
      ['a1', 4, 2]
    ])
    expect(summary.byDay).toEqual([
      { day: '2026-08-17', approve: 1, remove: 3, disable: 1, enable: 0 },
      { day: '2026-08-18', approve: 2, remove: 2, disable: 0, enable: 0 }
    ])
    expect({ human: summary.human, automated: summary.automated, undone: summary.undone, undoRate: summary.undoRate }).toEqual({
      human: 8,
      automated: 1,
      undone: 1,
      undoRate: 0.1111
    })
  })

  it('headlines what stands: an undone decision counts as made and as undone, never as standing', async () => {
    const { alice } = await reportFixture()
    const { summary } = await alice.call('reportPreview', { filter: WHOLE_PERIOD })
    // alice's removal of c5 was undone: made, undone, not standing.
    expect(summary.standing).toEqual({ decisions: 8, byAction: { approve: 3, remove: 4, disable: 1, enable: 0 } })
    expect(summary.byAction.remove).toBe(5)
    const html = (await alice.call('exportReport', { filter: WHOLE_PERIOD, format: 'html' })).content
    const tiles = [...html.matchAll(/<div class="tile"><b>([^<]*)<\/b>([^<]*)<\/div>/g)].map(([, value, label]) => `${label.trim()} ${value}`)
    expect(tiles).toEqual(expect.arrayContaining(['decisions standing 8', 'removed 4', 'decisions made 9', 'undone (11.1%) 1']))
  })

  it('measures time to decision and each moderator’s decisions per active hour', async () => {
    const { alice } = await reportFixture()
    const { summary } = await alice.call('reportPreview', { filter: WHOLE_PERIOD })
    // Waits in seconds, sorted: 60 (c9), alice's five at 23 h + 0..4 min, bob's 2 d (twice) and 2 d 10 min.
    expect(summary.timeToDecision).toEqual({ measured: 9, medianSeconds: 82_980, p90Seconds: 173_400 })
    expect(summary.byModerator).toEqual([
      // Five actions a minute apart: the first credited a minute, then four one-minute gaps.
      { moderator: 'alice', decisions: 5, actions: 5, removals: 3, automated: 0, activeHours: 0.08, perHour: 60 },
      // Two actions (one over two comments) ten minutes apart: 11 minutes for 3 decisions.
      { moderator: 'bob', decisions: 3, actions: 2, removals: 1, automated: 0, activeHours: 0.18, perHour: 16.4 },
      { moderator: 'auto-rules', decisions: 1, actions: 1, removals: 1, automated: 1, activeHours: 0.02, perHour: 60 }
    ])
  })

  it('compares the scorer with the moderators on the decisions still standing', async () => {
    const { alice } = await reportFixture()
    const { summary } = await alice.call('reportPreview', { filter: WHOLE_PERIOD })
    // c5 (0.97) was undone and is left out; c3 (0.92) and c7 (0.6) were approved despite their scores.
    expect(FIXTURE_SCORES.c5).toBeGreaterThan(0.9)
    expect(summary.scorerAgreement).toEqual([
      { threshold: 0.5, approved: 2, removed: 4, disabled: 0 },
      { threshold: 0.7, approved: 1, removed: 4, disabled: 0 },
      { threshold: 0.9, approved: 1, removed: 2, disabled: 0 }
    ])
  })

  it('narrows to a day, a moderator, an article or a source', async () => {
    const { alice } = await reportFixture()
    const decisions = async (narrowing: object) =>
      (await alice.call('reportPreview', { filter: { ...WHOLE_PERIOD, ...narrowing } })).summary.decisions
    expect(await decisions({ from: '2026-08-17', to: '2026-08-17' })).toBe(5)
    expect(await decisions({ from: '2026-08-18', to: '2026-08-18' })).toBe(4)
    expect(await decisions({ moderator: 'bob' })).toBe(3)
    expect(await decisions({ article: 'a1' })).toBe(4)
    expect(await decisions({ source: 'Demo site' })).toBe(9)
    expect(await decisions({ source: 'Elsewhere' })).toBe(0)
    expect(await decisions({ from: '2026-08-19', to: '2026-08-30' })).toBe(0)
  })

  it('refuses a period that ends before it starts', async () => {
    const { alice } = await reportFixture()
    await expect(alice.client.call('reportPreview', { filter: { from: '2026-08-18', to: '2026-08-17' } })).rejects.toThrow(
      /must not end before it starts/
    )
  })

  it('writes a self-contained HTML file with charts, and every name and title escaped', async () => {
    const { alice } = await reportFixture()
    const { content } = await alice.call('exportReport', { filter: WHOLE_PERIOD, format: 'html' })
    expect(content).toContain('News18 (demo): moderation report')
    expect(content).toContain('Period 2026-08-17 to 2026-08-18')
    expect(content.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4)
    expect(content).toContain('&lt;img src=x onerror=alert(1)&gt; Budget &amp; &quot;reforms&quot;')
    expect(content).not.toContain('<img')
    expect(content).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/)
  })
})

describe('the decision log of a period', () => {
  it('holds the period’s decisions, undo included, with formula cells escaped', async () => {
    const { alice } = await reportFixture()
    const { content } = await alice.call('exportReport', { filter: { from: '2026-08-17', to: '2026-08-17' }, format: 'csv' })
    const rows = parse(content, { columns: true }) as Record<string, string>[]
    expect(rows.map((row) => [row.comment_id, row.action, row.clause, row.moderator])).toEqual([
      ['c1', 'remove', 'abusive', 'alice'],
      ['c2', 'remove', 'threat', 'alice'],
      ['c3', 'approve', '', 'alice'],
      ['c4', 'disable', '', 'alice'],
      ['c5', 'remove', 'spam', 'alice'],
      ['c5', 'undo', '', 'alice']
    ])
    expect(rows[0].note).toBe(`'=HYPERLINK("http://evil")`)
    expect(Number(rows[0].score_toxicity)).toBe(0.95)

    const json = JSON.parse((await alice.call('exportReport', { filter: { ...WHOLE_PERIOD, moderator: 'auto-rules' }, format: 'json' })).content)
    expect(json).toMatchObject([{ commentId: 'c9', action: 'remove', clause: 'spam', automated: true, moderator: 'auto-rules' }])
  })
})

describe('the audit trail', () => {
  it('lists every decision on a comment, the undo too, and every decision on an author’s comments', async () => {
    const { alice } = await reportFixture()
    const trail = await alice.call('auditTrail', { comment: 'c5' })
    expect(trail.map(({ action, moderator, clause, decidedAt, statusAfter }) => [action, moderator, clause, decidedAt, statusAfter])).toEqual([
      ['remove', 'alice', 'spam', '2026-08-17T09:04:00.000Z', 'removed'],
      ['undo', 'alice', null, '2026-08-17T09:05:00.000Z', 'pending']
    ])
    expect(await alice.call('auditTrail', { author: 'u-c4' })).toMatchObject([{ commentId: 'c4', action: 'disable', note: 'legal check', automated: false }])
    expect(await alice.call('auditTrail', { comment: 'c9' })).toMatchObject([{ moderator: 'auto-rules', automated: true }])
  })

  it('exports as CSV with formula cells escaped, and names an unknown id plainly', async () => {
    const { alice } = await reportFixture()
    const file = await alice.call('exportAuditTrail', { target: { comment: 'c1' }, format: 'csv' })
    expect(file.filename).toBe('sieve-audit-comment-c1.csv')
    const rows = parse(file.content, { columns: true }) as Record<string, string>[]
    expect(rows).toMatchObject([{ commentId: 'c1', action: 'remove', clause: 'abusive', note: `'=HYPERLINK("http://evil")`, automated: 'no' }])
    await expect(alice.call('auditTrail', { comment: 'nope' })).rejects.toThrow('No comment has the id "nope".')
  })
})

describe('what a report can be narrowed to', () => {
  it('offers the sources, the moderators and the articles with decisions, and the days the log spans', async () => {
    const { alice, dir } = await reportFixture()
    await alice.call('importFile', { path: writeNdjson(dir, 'quiet.ndjson', [comment('q1', 'nobody decided on me', { article: { id: 'a9', title: 'Quiet' } })]) })
    expect(await alice.call('reportOptions', {})).toEqual({
      sources: ['Demo site', 'Imported file'],
      moderators: ['alice', 'auto-rules', 'bob'],
      articles: [
        { id: 'a2', title: '<img src=x onerror=alert(1)> Budget & "reforms"' },
        { id: 'a1', title: 'Putin lauds North Korean troops' }
      ],
      firstDay: '2026-08-17',
      lastDay: '2026-08-18'
    })
  })
})
