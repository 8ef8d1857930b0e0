import { describe, expect, it } from 'vitest'
import { validateStatements, type Statement } from '../../src/main/engine/reports/statements'
import { comment, decideByIds, writeNdjson } from '../support/temp-engine'
import { reportFixture, settableClock, WHOLE_PERIOD } from '../support/report-fixture'

type Batch = { statements: Statement[] }

async function statementsOf(engine: Awaited<ReturnType<typeof reportFixture>>['alice'], filter = WHOLE_PERIOD): Promise<Batch[]> {
  return JSON.parse((await engine.call('exportReport', { filter, format: 'sor' })).content)
}

describe('statements of reasons (DSA Transparency Database layout)', () => {
  it('gives one statement per removal or disable still standing, with grounds, category and automation as decided', async () => {
    const { alice } = await reportFixture()
    const [batch, ...more] = await statementsOf(alice)
    expect(more).toEqual([])
    const statements = batch.statements
    // c5's removal was undone: no statement. Approvals never get one.
    expect(statements).toHaveLength(5)
    const [c1, c2, c4, c8, c9] = statements

    expect(c1).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: 'News18 (demo) Terms of Use, version 2026-08-01, clause "Abusive" (abusive)',
      incompatible_content_explanation: 'Insults, harassment or abuse aimed at another reader, a journalist or a person in the story.',
      decision_ground_reference_url: 'https://news.example/terms-of-use#comments',
      category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
      content_type: ['CONTENT_TYPE_TEXT'],
      content_date: '2026-08-16',
      application_date: '2026-08-17',
      source_type: 'SOURCE_VOLUNTARY',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED'
    })
    expect(c1.territorial_scope).toContain('DE')
    expect(c2.category).toBe('STATEMENT_CATEGORY_VIOLENCE')
    expect(c4).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
      automated_detection: 'No'
    })
    expect(c8).toMatchObject({
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_legal_ground: expect.stringContaining('Unlawful content'),
      illegal_content_explanation: expect.stringContaining('unlawful where we publish'),
      source_type: 'SOURCE_ARTICLE_16',
      application_date: '2026-08-18'
    })
    expect(c8.incompatible_content_ground).toBeUndefined()
    expect(c9).toMatchObject({ automated_detection: 'Yes', automated_decision: 'AUTOMATED_DECISION_FULLY', category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE' })
  })

  it('keeps personal data out of the facts and gives each decision its own puid, the same on every export', async () => {
    const { alice } = await reportFixture()
    const first = (await statementsOf(alice))[0].statements
    const second = (await statementsOf(alice))[0].statements
    const puids = first.map((statement) => statement.puid)
    expect(new Set(puids).size).toBe(puids.length)
    for (const puid of puids) expect(puid).toMatch(/^[A-Za-z0-9_-]{1,500}$/)
    expect(second.map((statement) => statement.puid)).toEqual(puids)
    for (const statement of first) {
      expect(statement.decision_facts).not.toMatch(/alice|bob|Reader c|Eight|HYPERLINK|legal check|comment c\d/)
    }
    expect(first[4].decision_facts).toContain('automated moderation rule')
    expect(first[3].decision_facts).toContain('Readers reported it (2 reports)')
  })

  it('comes in batches of at most 100 statements', async () => {
    const { alice, dir } = await reportFixture()
    await alice.call('importFile', { path: writeNdjson(dir, 'many.ndjson', Array.from({ length: 245 }, (_, i) => comment(`m${i}`, `spam ${i}`, { article: { id: 'a3', title: 'Many' } }))) })
    await alice.call('decide', { filter: { queue: 'all', article: 'a3' }, action: 'remove', clause: 'spam' })
    const batches = await statementsOf(alice, { from: '2026-08-17', to: '2026-08-17' })
    expect(batches.map((batch) => batch.statements.length)).toEqual([100, 100, 48])
  })

  it('refuses to export when a statement would be rejected, and says which and why', async () => {
    const { alice, dir, engineFor } = await reportFixture()
    // A comment whose platform clock says it was posted after it was removed.
    await alice.call('importFile', { path: writeNdjson(dir, 'skewed.ndjson', [comment('late', 'spam', { createdAt: '2026-09-01T00:00:00Z' })]) })
    const clock = settableClock('2026-08-18T12:00:00Z')
    await decideByIds(await engineFor('carol', { now: clock.now }), ['late'], 'remove', { clause: 'spam' })
    const failure = alice.call('exportReport', { filter: WHOLE_PERIOD, format: 'sor' })
    await expect(failure).rejects.toThrow(/1 statement of reasons would be rejected, so none were exported/)
    await expect(alice.call('exportReport', { filter: WHOLE_PERIOD, format: 'sor' })).rejects.toThrow(
      /sieve-[a-z0-9]+-\d+: content_date: 2026-09-01 is after the decision \(2026-08-18\)/
    )
  })
})

describe('validating a statement', () => {
  const good: Statement = {
    decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
    decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
    illegal_content_legal_ground: 'Criminal code, incitement',
    illegal_content_explanation: 'Calls for violence against a group.',
    category: 'STATEMENT_CATEGORY_VIOLENCE',
    content_type: ['CONTENT_TYPE_TEXT'],
    content_date: '2026-08-16',
    application_date: '2026-08-17',
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: 'No',
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    territorial_scope: ['DE'],
    decision_facts: 'A comment was removed.',
    puid: 'sieve-abc-1'
  }

  it('accepts a complete statement', () => {
    expect(validateStatements([good])).toEqual([])
  })

  it('names each broken field: missing grounds, enums, lengths, dates and the puid pattern', () => {
    const { illegal_content_explanation: _dropped, ...missing } = good
    const failures = validateStatements([
      missing,
      { ...good, puid: 'has spaces/and slashes', category: 'STATEMENT_CATEGORY_RUDENESS' },
      { ...good, decision_facts: 'x'.repeat(5001), territorial_scope: ['US'], application_date: '17/08/2026' }
    ])
    expect(failures).toEqual([
      { puid: 'sieve-abc-1', problems: ['illegal_content_explanation: required when decision_ground is DECISION_GROUND_ILLEGAL_CONTENT'] },
      { puid: 'has spaces/and slashes', problems: [expect.stringMatching(/^category: /), 'puid: must be 1–500 letters, digits, _ or -'] },
      {
        puid: 'sieve-abc-1',
        problems: ['application_date: must be a date YYYY-MM-DD', expect.stringMatching(/^territorial_scope\.0: /), 'decision_facts: must be at most 5000 characters']
      }
    ])
  })
})

describe('the statement to the reader', () => {
  it('says what was decided and why, whether software was involved, and the three ways to seek redress', async () => {
    const { alice } = await reportFixture()
    const { content } = await alice.call('exportReport', { filter: { ...WHOLE_PERIOD, moderator: 'bob' }, format: 'notices' })
    expect(content).toContain('Dear Reader <b>Eight</b>,')
    expect(content).toContain('On 2026-08-18 we removed your comment c8')
    expect(content).toContain('clause "Illegal"')
    expect(content).toContain('Other readers reported the comment.')
    expect(content).toContain('taken by a person')
    expect(content).toMatch(/Complain to us .*moderation@news\.example/)
    expect(content).toContain('out-of-court dispute settlement body')
    expect(content).toContain('judicial redress')
    expect(content).toMatch(/Reference: sieve-[a-z0-9]+-\d+/)
  })
})
