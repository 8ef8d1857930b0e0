import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startEngine } from '../../src/main/engine/engine'
import { loadPolicy } from '../../src/main/engine/moderation/policy'
import { DSA_CATEGORIES, DSA_KEYWORDS, EEA_COUNTRIES } from '../../src/main/engine/reports/dsa-vocabulary'
import { batchProblems, statementProblems } from '../../src/main/engine/reports/statement-rules'
import { puidPrefix, toStatement, type Statement } from '../../src/main/engine/reports/statements'
import { statementSources } from '../../src/main/engine/reports/store/statement-rows'
import { DEFAULT_SCORING_SETTINGS } from '../../src/shared/settings'
import { DECIDED_DAY, DECISION_DAY, exportStatements, FIRST_SEEN, statementFixture } from '../support/statement-fixture'
import { comment, decideByIds, RESOURCES_DIR, tempDir, writeNdjson } from '../support/temp-engine'

const SHIPPED_POLICY = join(RESOURCES_DIR, 'policy', 'terms-of-use.json')

/** A copy of the shipped policy file with a change, in a resources folder of its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into the policy file's JSON as it likes
function policyVariant(change: (policy: Record<string, any>) => void): string {
  const dir = join(tempDir(), 'resources')
  mkdirSync(join(dir, 'policy'), { recursive: true })
  const policy = JSON.parse(readFileSync(SHIPPED_POLICY, 'utf8'))
  change(policy)
  writeFileSync(join(dir, 'policy', 'terms-of-use.json'), JSON.stringify(policy))
  return dir
}

describe('the DSA vocabulary (item 1)', () => {
  it('maps every shipped clause, and disables, to a category and keywords of the list in force since 2025-07-01', () => {
    const policy = loadPolicy(SHIPPED_POLICY)
    for (const clause of policy.clauses) {
      expect(DSA_CATEGORIES, clause.code).toContain(clause.dsaCategory)
      for (const keyword of clause.dsaKeywords ?? []) expect(DSA_KEYWORDS, clause.code).toContain(keyword)
    }
    expect(DSA_CATEGORIES).toContain(policy.dsa?.disableCategory)
    expect(Object.fromEntries(policy.clauses.map((clause) => [clause.code, [clause.dsaCategory, ...(clause.dsaKeywords ?? [])].join(' ')]))).toEqual({
      abusive: 'STATEMENT_CATEGORY_CYBER_VIOLENCE KEYWORD_CYBER_HARASSMENT',
      defamatory: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH KEYWORD_DEFAMATION',
      illegal: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
      hate: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH KEYWORD_HATE_SPEECH',
      threat: 'STATEMENT_CATEGORY_VIOLENCE',
      spam: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
      privacy: 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
      sexual: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC KEYWORD_ADULT_SEXUAL_MATERIAL',
      impersonation: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING'
    })
  })

  it('refuses at start a policy file with a retired category, keyword or territorial scope, saying what to use instead', async () => {
    const start = (resourcesDir: string) => startEngine({ dbPath: join(tempDir(), 'sieve.db'), resourcesDir, moderator: 'alice' })
    await expect(start(policyVariant((policy) => (policy.clauses[7].dsaCategory = 'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT')))).rejects.toThrow(
      'clause "sexual" dsaCategory: STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT was retired by the DSA Transparency Database on 2025-07-01 and is refused there; use STATEMENT_CATEGORY_OTHER_VIOLATION_TC with KEYWORD_ADULT_SEXUAL_MATERIAL'
    )
    await expect(start(policyVariant((policy) => (policy.dsa.disableCategory = 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE')))).rejects.toThrow(
      'dsa.disableCategory: STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE was retired by the DSA Transparency Database on 2025-07-01 and is refused there; use STATEMENT_CATEGORY_OTHER_VIOLATION_TC'
    )
    await expect(start(policyVariant((policy) => (policy.clauses[0].dsaKeywords = ['KEYWORD_ONLINE_BULLYING_INTIMIDATION'])))).rejects.toThrow(
      'clause "abusive" dsaKeywords: KEYWORD_ONLINE_BULLYING_INTIMIDATION is not a keyword'
    )
    await expect(start(policyVariant((policy) => (policy.dsa.territorialScope = ['DE', 'FR'])))).rejects.toThrow('dsa.territorialScope is no longer read')
    await expect(start(policyVariant((policy) => (policy.clauses[5].dsaKeywordOther = 'spam')))).rejects.toThrow('dsaKeywordOther needs KEYWORD_OTHER')
  })
})

describe('statements of reasons for every kind of decision (items 2 and 3)', () => {
  it('pass every rule of the database, in batches it takes', async () => {
    const { engine, clauses } = await statementFixture()
    const { batches } = await exportStatements(engine)
    const statements = batches.flatMap((batch) => batch.statements)
    // Every shipped clause, the disable, the rule's removal, the reported, noticed, undated and Devanagari
    // comments: all but the one posted before 2000.
    expect(statements).toHaveLength(clauses.length + 6)
    for (const statement of statements) expect(statementProblems(statement), statement.puid).toEqual([])
    for (const batch of batches) expect(batchProblems(batch.statements)).toEqual([])
  })

  it('leave out a statement the database would refuse (posted before 2000), list it with its reason, and export the rest', async () => {
    const { engine, statementOf, puidOf } = await statementFixture()
    const { batches, note } = await exportStatements(engine)
    expect(statementOf(batches, 'old')).toBeUndefined()
    expect(statementOf(batches, 'clause-abusive')).toBeDefined()
    const [, ...leftOut] = note.split('\n')
    expect(leftOut[0]).toBe('1 left out because the DSA Transparency Database would refuse it:')
    expect(leftOut[1]).toMatch(/^ {2}sieve-[a-z0-9]{12}-\d+: content_date: must be a date after or equal to 2000-01-01$/)
    expect(leftOut[1].trim().split(':')[0]).toMatch(puidOf('old'))
  })

  it('come in batches of 1 to 100', async () => {
    const { engine, dir } = await statementFixture()
    await engine.call('importFile', { path: writeNdjson(dir, 'many.ndjson', Array.from({ length: 245 }, (_, i) => comment(`m${i}`, `spam ${i}`, { article: { id: 'a3', title: 'Many' } }))) })
    await engine.call('decide', { filter: { queue: 'all', article: 'a3' }, action: 'remove', clause: 'spam' })
    const { batches } = await exportStatements(engine)
    expect(batches.map((batch) => batch.statements.length)).toEqual([100, 100, 60])
    for (const batch of batches) expect(batchProblems(batch.statements)).toEqual([])
  })

  it('date a comment with no posting time from when Sieve first saw it, and say so', async () => {
    const { engine, statementOf } = await statementFixture()
    const { batches } = await exportStatements(engine)
    expect(statementOf(batches, 'undated')).toMatchObject({ content_date: FIRST_SEEN.slice(0, 10), application_date: DECIDED_DAY })
    expect(statementOf(batches, 'undated')!.decision_facts).toContain(
      `Its posting time is unknown: the content date is when the publisher's moderation system first saw it (${FIRST_SEEN.slice(0, 10)}).`
    )
    expect(statementOf(batches, 'clause-spam')).toMatchObject({ content_date: '2026-08-16' })
    expect(statementOf(batches, 'clause-spam')!.decision_facts).not.toContain('posting time')
  })

  it('file reader reports as other notifications, and only a report marked as an Article 16 notice as one', async () => {
    const { engine, statementOf } = await statementFixture()
    const { batches } = await exportStatements(engine)
    expect(statementOf(batches, 'reported')).toMatchObject({ source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION' })
    expect(statementOf(batches, 'reported')!.decision_facts).toContain('Readers reported it (2 reports).')
    expect(statementOf(batches, 'notice')).toMatchObject({ source_type: 'SOURCE_ARTICLE_16' })
    expect(statementOf(batches, 'notice')!.decision_facts).toContain('notice under Article 16')
    expect(statementOf(batches, 'clause-spam')).toMatchObject({ source_type: 'SOURCE_VOLUNTARY' })
  })

  it('cite the discretion clause for a disable, in the statement and in the notice alike', async () => {
    const { engine, statementOf } = await statementFixture()
    const { batches } = await exportStatements(engine)
    const clause = engine.policy.dsa!.discretionClause!
    const disabled = statementOf(batches, 'disabled')!
    expect(disabled).toMatchObject({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: `News18 (demo) Terms of Use, version 2026-08-01, discretion clause: "${clause}"`,
      category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC'
    })
    // Its explanation says it was hidden under that clause, never that no clause applies.
    expect(disabled.incompatible_content_explanation).toContain('under this clause')
    expect(disabled.incompatible_content_explanation).not.toMatch(/without a finding|not a finding|does not break/)
    expect(disabled.decision_facts).toContain("under the Terms of Use's discretion clause")
    const { content } = await engine.call('exportReport', { filter: DECISION_DAY, format: 'notices' })
    const notice = content.split('-'.repeat(72)).find((text) => text.includes('your comment disabled'))!
    expect(notice).toContain(`We hid it under this clause of our Terms of Use: "${clause}"`)
  })

  it('cover the whole EEA, name the language where it is known, and carry each clause’s keywords', async () => {
    const { engine, statementOf, clauses } = await statementFixture()
    const { batches } = await exportStatements(engine)
    for (const statement of batches.flatMap((batch) => batch.statements)) expect(statement.territorial_scope).toEqual([...EEA_COUNTRIES])
    expect(EEA_COUNTRIES).toHaveLength(30)
    expect(EEA_COUNTRIES).toEqual(expect.arrayContaining(['IS', 'LI', 'NO']))
    expect(statementOf(batches, 'clause-abusive')).toMatchObject({ content_language: 'EN' })
    expect(statementOf(batches, 'undated')).toMatchObject({ content_language: 'HI' })
    expect(statementOf(batches, 'devanagari')).toMatchObject({ content_language: 'HI' })
    for (const clause of clauses) {
      const statement = statementOf(batches, `clause-${clause.code}`)!
      expect(statement.category).toBe(clause.dsaCategory)
      expect(statement.category_specification).toEqual(clause.dsaKeywords)
    }
    expect(statementOf(batches, 'rule')).toMatchObject({ automated_detection: 'Yes', automated_decision: 'AUTOMATED_DECISION_FULLY' })
    expect(statementOf(batches, 'clause-threat')).toMatchObject({ automated_detection: 'No', automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED' })
  })

  it('file the shipped illegal clause as a Terms-of-Use breach considered illegal, or as illegal content on the legal ground the policy names', async () => {
    const { engine, statementOf } = await statementFixture()
    const { batches } = await exportStatements(engine)
    const illegal = statementOf(batches, 'clause-illegal')!
    expect(illegal).toMatchObject({
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_illegal: 'Yes',
      incompatible_content_ground: 'News18 (demo) Terms of Use, version 2026-08-01, clause "Illegal" (illegal)'
    })
    expect(illegal.illegal_content_legal_ground).toBeUndefined()
    expect(statementOf(batches, 'clause-hate')!.incompatible_content_illegal).toBeUndefined()

    // A publisher who names the law in the policy file gets statements on that legal ground.
    const named = loadPolicy(
      join(
        policyVariant((policy) => {
          delete policy.clauses[2].consideredIllegal
          policy.clauses[2].legalGround = 'Bharatiya Nyaya Sanhita 2023, s. 196 (promoting enmity between groups)'
        }),
        'policy',
        'terms-of-use.json'
      )
    )
    const source = [...statementSources(engine.sql, DECISION_DAY)].find((candidate) => candidate.commentId === 'clause-illegal')!
    const statement = toStatement(source, { policy: named, puidPrefix: puidPrefix(engine.sql), thresholds: DEFAULT_SCORING_SETTINGS.thresholds })
    expect(statement).toMatchObject({
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      illegal_content_legal_ground: 'Bharatiya Nyaya Sanhita 2023, s. 196 (promoting enmity between groups)',
      illegal_content_explanation: 'Content that is unlawful where we publish: incitement, contempt of court, sharing prohibited material.'
    })
    expect(statementProblems(statement)).toEqual([])
  })

  it('name no person and quote nothing in the facts', async () => {
    const { engine } = await statementFixture()
    const { batches } = await exportStatements(engine)
    for (const statement of batches.flatMap((batch) => batch.statements)) {
      expect(statement.decision_facts).not.toMatch(/alice|Reader |legal check|bhai|झूठ|idiots|bribe/)
    }
  })
})

describe('exporting a period again (item 4)', () => {
  it('leaves out the statements that went out before, unless asked to repeat them, and says so', async () => {
    const { engine, dir, statementOf } = await statementFixture()
    expect((await engine.call('reportPreview', { filter: DECISION_DAY })).statements).toEqual({ standing: 16, exported: 0, lastExportedAt: null })
    const first = await exportStatements(engine)
    const firstCount = first.batches.flatMap((batch) => batch.statements).length
    // The refused one (posted before 2000) did not go out.
    expect((await engine.call('reportPreview', { filter: DECISION_DAY })).statements).toMatchObject({ standing: 16, exported: firstCount })

    const again = await exportStatements(engine)
    expect(again.batches).toEqual([])
    expect(again.note).toContain(`${firstCount} exported before were left out (the database refuses a puid twice); export with --all to repeat them.`)

    await engine.call('importFile', { path: writeNdjson(dir, 'late.ndjson', [comment('late', 'A new spam comment about cheap loans, call now.')]) })
    await decideByIds(engine, ['late'], 'remove', { clause: 'spam' })
    const third = await exportStatements(engine)
    expect(third.batches.flatMap((batch) => batch.statements)).toHaveLength(1)
    expect(statementOf(third.batches, 'late')).toBeDefined()

    const all = await exportStatements(engine, true)
    expect(all.batches.flatMap((batch) => batch.statements)).toHaveLength(firstCount + 1)
    expect(all.note).not.toContain('exported before')
  })
})

describe('the statement to the reader (item 5)', () => {
  it('says where the restriction applies and for how long, besides what, why, how and the ways to seek redress', async () => {
    const { engine } = await statementFixture()
    const { content } = await engine.call('exportReport', { filter: DECISION_DAY, format: 'notices' })
    const notices = content.split('-'.repeat(72))
    const removed = notices.find((text) => text.includes('we removed your comment reported'))!
    expect(removed).toContain('Where and for how long:')
    expect(removed).toContain('Everywhere: the comment is gone from our pages for every reader, in every country, including all 30 countries of the European Economic Area.')
    expect(removed).toContain('For good: it will not be published again, unless we reverse the decision')
    expect(removed).toContain('Other readers reported the comment.')
    expect(removed).toContain('taken by a person')
    expect(removed).toMatch(/Complain to us .*moderation@news\.example/)
    expect(removed).toContain('out-of-court dispute settlement body')
    expect(removed).toContain('judicial redress')
    expect(removed).toMatch(/Reference: sieve-[a-z0-9]+-\d+/)
    const disabled = notices.find((text) => text.includes('your comment disabled'))!
    expect(disabled).toContain('Until we decide otherwise: it stays hidden until we re-enable it or remove it.')
    const noticed = notices.find((text) => text.includes('your comment notice'))!
    expect(noticed).toContain('under Article 16 of the Digital Services Act')
  })
})

describe('the mirror of the database’s rules (item 2)', () => {
  const good: Statement = {
    decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
    decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
    decision_ground_reference_url: 'https://news.example/terms',
    illegal_content_legal_ground: 'Criminal code, incitement',
    illegal_content_explanation: 'Calls for violence against a group.',
    category: 'STATEMENT_CATEGORY_VIOLENCE',
    content_type: ['CONTENT_TYPE_TEXT'],
    content_date: '2026-08-16',
    application_date: '2026-08-17',
    territorial_scope: ['DE'],
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: 'No',
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    decision_facts: 'A comment was removed.',
    puid: 'sieve-abc-1'
  }
  const problems = (change: Record<string, unknown>) => statementProblems({ ...good, ...change })

  it('accepts a complete statement', () => {
    expect(statementProblems(good)).toEqual([])
  })

  it('holds content_date to 2000-01-01…2038-01-01 and application_date to 2020-01-01…2038-01-01, as real days', () => {
    expect(problems({ content_date: '2000-01-01', application_date: '2020-01-01' })).toEqual([])
    expect(problems({ content_date: '1999-12-31' })).toEqual(['content_date: must be a date after or equal to 2000-01-01'])
    expect(problems({ content_date: '2038-01-02' })).toEqual(['content_date: must be a date before or equal to 2038-01-01'])
    expect(problems({ application_date: '2019-12-31' })).toEqual(['application_date: must be a date after or equal to 2020-01-01'])
    expect(problems({ application_date: '2026-02-30' })).toEqual(['application_date: does not match the format YYYY-MM-DD'])
    expect(problems({ application_date: '17/08/2026' })[0]).toBe('application_date: does not match the format YYYY-MM-DD')
    expect(problems({ end_date_visibility_restriction: '2038-01-02' })).toEqual(['end_date_visibility_restriction: must be a date before or equal to 2038-01-01'])
  })

  it('applies the conditional rules: the ground’s own fields, one decision field, the *_other fields', () => {
    const { illegal_content_explanation: _dropped, ...missing } = good
    expect(statementProblems(missing)).toEqual(['illegal_content_explanation: is required when decision_ground is DECISION_GROUND_ILLEGAL_CONTENT'])
    // Fields of the other ground are excluded, not checked.
    expect(problems({ incompatible_content_ground: 'x'.repeat(600), incompatible_content_illegal: 'Maybe' })).toEqual([])
    expect(problems({ decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT' })).toEqual([
      'incompatible_content_ground: is required when decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT',
      'incompatible_content_explanation: is required when decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT'
    ])
    expect(problems({ decision_visibility: [] })).toEqual(['decision_visibility: is required when none of decision_monetary / decision_provision / decision_account are present'])
    expect(problems({ decision_visibility: null, decision_account: 'DECISION_ACCOUNT_SUSPENDED' })).toEqual([])
    expect(problems({ decision_visibility: ['DECISION_VISIBILITY_OTHER'] })).toEqual(['decision_visibility_other: is required when decision_visibility has DECISION_VISIBILITY_OTHER'])
    expect(problems({ content_type: ['CONTENT_TYPE_OTHER'] })).toEqual(['content_type_other: is required when content_type has CONTENT_TYPE_OTHER'])
  })

  it('refuses values outside the current lists: retired categories, lower-case languages, countries outside the EEA', () => {
    expect(problems({ category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE' })[0]).toMatch(/^category: /)
    expect(problems({ category_specification: ['KEYWORD_ONLINE_BULLYING_INTIMIDATION'] })[0]).toMatch(/^category_specification\.0: /)
    expect(problems({ source_type: 'SOURCE_OTHER' })[0]).toMatch(/^source_type: /)
    expect(problems({ source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION', content_language: 'HI', territorial_scope: [...EEA_COUNTRIES] })).toEqual([])
    expect(problems({ content_language: 'en' })[0]).toMatch(/^content_language: /)
    expect(problems({ territorial_scope: ['GB'] })[0]).toMatch(/^territorial_scope\.0: /)
    expect(problems({ incompatible_content_illegal: 'Yes', decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT', incompatible_content_ground: 'ToU', incompatible_content_explanation: 'x' })).toEqual([])
    // Not nullable upstream: null fails its in: rule.
    expect(problems({ decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT', incompatible_content_ground: 'ToU', incompatible_content_explanation: 'x', incompatible_content_illegal: null })[0]).toMatch(
      /^incompatible_content_illegal: /
    )
  })

  it('counts lengths in characters after trimming, and takes a blank string for a missing one', () => {
    expect(problems({ decision_facts: '😀'.repeat(5000) })).toEqual([])
    expect(problems({ decision_facts: 'x'.repeat(5001) })).toEqual(['decision_facts: may not be greater than 5000 characters'])
    expect(problems({ decision_facts: `  ${'x'.repeat(5000)}  ` })).toEqual([])
    expect(problems({ decision_facts: '   ' })).toEqual(['decision_facts: is required'])
    expect(problems({ illegal_content_legal_ground: 'x'.repeat(501) })).toEqual(['illegal_content_legal_ground: may not be greater than 500 characters'])
    expect(problems({ puid: 'has spaces/and slashes' })).toEqual(['puid: may only contain letters, digits, - and _'])
    expect(problems({ puid: 'x'.repeat(501) })).toEqual(['puid: may not be greater than 500 characters'])
  })

  it('takes 1 to 100 statements a batch, each puid once', () => {
    const batch = (count: number) => Array.from({ length: count }, (_, i) => ({ ...good, puid: `p-${i}` }))
    expect(batchProblems(batch(1))).toEqual([])
    expect(batchProblems(batch(100))).toEqual([])
    expect(batchProblems(batch(0))).toEqual(['statements: must have between 1 and 100 items'])
    expect(batchProblems(batch(101))).toEqual(['statements: must have between 1 and 100 items'])
    expect(batchProblems([good, good])).toEqual(['puid: sieve-abc-1 appears twice in the batch'])
  })
})
