import { sql } from '../../src/main/engine/database/sql/sql'
// Per-attribute thresholds decide Likely violations; publisher word lists match through evasions and show
// the word; optional rules decide automatically, marked automated with their rule, never over a person.
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORING_SETTINGS, type ScoringSettings } from '../../src/shared/settings'
import { comment, tempDir, tempEngine, writeNdjson, decideByIds, type TestEngine } from '../support/temp-engine'

const TEXTS = {
  civil: 'Thank you for explaining the affidavit rule so clearly.',
  insult: 'You are a stupid idiot.',
  threat: 'I will kill you, we know where you live.',
  spam: 'Earn 50000 per week from home, WhatsApp +91 90000 12345',
  coined: 'Typical z0rbl@x behaviour from the ministry again'
}

async function queue(): Promise<TestEngine> {
  const dir = tempDir()
  const engine = await tempEngine({}, dir)
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', Object.entries(TEXTS).map(([id, text]) => comment(id, text))) })
  await engine.call('score', { scorer: 'local' })
  return engine
}

async function save(engine: TestEngine, change: (settings: ScoringSettings) => void): Promise<string> {
  const client = engine.client
  const settings = structuredClone(await client.call('scoringSettings', {}))
  change(settings)
  const job = await client.call('saveScoringSettings', settings)
  await expect.poll(async () => (await client.call('job', { jobId: job.id })).state).toBe('done')
  return (await client.call('job', { jobId: job.id })).message!
}

async function likely(engine: TestEngine): Promise<string[]> {
  const page = await engine.client.call('queuePage', { filter: { queue: 'likely' }, limit: 50 })
  return page.rows.map((row) => row.id).sort()
}

describe('thresholds per attribute', () => {
  it('put a comment in Likely violations when any attribute reaches its own threshold', async () => {
    const engine = await queue()
    expect(await likely(engine)).toEqual(['insult', 'spam', 'threat'])
    const message = await save(engine, (settings) => {
      settings.thresholds.SPAM = 0.99
      settings.thresholds.INSULT = 0.99
      settings.thresholds.TOXICITY = 0.99
    })
    expect(message).toMatch(/2 comments moved in or out of Likely violations/)
    expect(await likely(engine)).toEqual(['threat'])
    expect(await engine.call('counts', {})).toMatchObject({ likely: 1, review: 5 })
  })
})

describe('publisher word lists', () => {
  it('match a banned word however it is spelt, show the word, and flag it when that rule is on', async () => {
    const engine = await queue()
    const message = await save(engine, (settings) => {
      settings.wordLists.banned = ['zorblax']
      settings.rules.flagWords.enabled = true
    })
    expect(message).toMatch(/1 comments match a word list/)
    expect(await likely(engine)).toContain('coined')
    const key = (engine.sql.get(sql`SELECT id FROM comments WHERE external_id = 'coined'`) as { id: number }).id
    const detail = await engine.call('commentDetail', { key })
    expect(detail.comment.words).toEqual([{ start: 8, end: 15, word: 'zorblax', list: 'banned' }])
    expect(TEXTS.coined.slice(8, 15)).toBe('z0rbl@x')
  })

  it('match newly imported comments as they are scored', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await save(engine, (settings) => (settings.wordLists.suspect = ['ministry']))
    await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', [comment('n1', 'The MINISTRY again')]) })
    await engine.call('score', { scorer: 'local' })
    const page = await engine.client.call('queuePage', { filter: { queue: 'review' }, limit: 5 })
    expect(page.rows[0].words).toEqual([{ start: 4, end: 12, word: 'ministry', list: 'suspect' }])
  })
})

describe('auto-moderation rules', () => {
  it('are off by default', async () => {
    expect(DEFAULT_SCORING_SETTINGS.rules.remove.enabled || DEFAULT_SCORING_SETTINGS.rules.hold.enabled || DEFAULT_SCORING_SETTINGS.rules.flagWords.enabled).toBe(false)
    const engine = await queue()
    expect(engine.sql.get(sql`SELECT count(*) AS n FROM decisions`)).toEqual({ n: 0 })
  })

  it('remove and hold undecided comments, marked automated with the rule, and never override a person', async () => {
    const engine = await queue()
    await decideByIds(engine, ['insult'], 'approve', {}) // a person's call stands
    const message = await save(engine, (settings) => {
      settings.rules.remove = { enabled: true, attribute: 'THREAT', above: 0.9, clause: 'threat' }
      settings.rules.hold = { enabled: true, attribute: null, above: 0.9 }
    })
    expect(message).toMatch(/Rules removed 1 and held 1/)
    const decisions = engine.sql.all(sql`SELECT c.external_id AS id, d.action, d.clause, d.automated, d.rule, d.moderator FROM decisions d JOIN comments c ON c.id = d.comment_id WHERE d.automated = 1 ORDER BY d.id`)
    // In a team the log names who set the rules running too.
    const rules = engine.sql.dialect.name === 'postgres' ? `Sieve rules, run by ${(await engine.call('session', {})).moderator}` : 'Sieve rules'
    expect(decisions).toEqual([
      { id: 'threat', action: 'remove', clause: 'threat', automated: 1, rule: 'remove when threat ≥ 0.9', moderator: rules },
      { id: 'spam', action: 'disable', clause: null, automated: 1, rule: 'hold when the strongest score ≥ 0.9', moderator: rules }
    ])
    expect(engine.sql.get(sql`SELECT status FROM comments WHERE external_id = 'insult'`)).toEqual({ status: 'approved' })
    const exported = (await engine.client.call('exportLog', { format: 'json' })).content
    expect(JSON.parse(exported)).toContainEqual(expect.objectContaining({ commentId: 'threat', automated: true, rule: 'remove when threat ≥ 0.9' }))

    // A moderator restores the held comment; scoring again does not hold it again.
    await decideByIds(engine, ['spam'], 'enable', {})
    await engine.call('score', { scorer: 'local' })
    expect(engine.sql.get(sql`SELECT status FROM comments WHERE external_id = 'spam'`)).toEqual({ status: 'approved' })
  })

  it('refuse a removal rule citing a clause the Terms of Use do not have', async () => {
    const engine = await queue()
    const settings = structuredClone(DEFAULT_SCORING_SETTINGS)
    settings.rules.remove.clause = 'rudeness'
    await expect(engine.call('saveScoringSettings', settings)).rejects.toThrow(/cites "rudeness", which is not a clause/)
  })
})
