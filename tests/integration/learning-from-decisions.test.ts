// Learning from every decision: the engine retrains the local model in the background after every N
// approvals and removals a person makes, one retraining at a time, records each in the model's lineage
// and rescores the pending comments with a kept model. Rules' decisions teach nothing.
import { describe, expect, it } from 'vitest'
import { sql } from '../../src/main/engine/database/sql/sql'
import type { JobSnapshot } from '../../src/shared/model'
import type { ScoringSettings } from '../../src/shared/settings'
import { finished } from '../support/jobs'
import { runCli } from '../support/run-cli'
import { comment, decideByIds, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'

// A slur this newsroom's readers coined: no data set knows it, the moderators remove it every time.
const coined = (i: number) => `The zorblaxes on this thread ${['again', 'as usual', 'today', 'once more'][i % 4]}, typical zorblax nonsense number ${i}`
const civil = (i: number) => `Thanks for the report on the ${['budget', 'summit', 'court ruling', 'floods'][i % 4]}, detail number ${i} was useful`
const range = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

async function newsroom(retrainEvery: number, autoLearn = true): Promise<TestEngine> {
  const dir = tempDir()
  const engine = await tempEngine({ autoLearn }, dir)
  const lines = [...range(30, '').map((i) => comment(`bad${i}`, coined(Number(i)))), ...range(30, '').map((i) => comment(`ok${i}`, civil(Number(i)))), comment('new', 'what a zorblax you are')]
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', lines) })
  await engine.call('score', { scorer: 'local' })
  await saveSettings(engine, (settings) => (settings.learning.retrainEvery = retrainEvery))
  return engine
}

async function saveSettings(engine: TestEngine, change: (settings: ScoringSettings) => void): Promise<void> {
  const settings = structuredClone(await engine.call('scoringSettings', {}))
  change(settings)
  await finished(engine.client, await engine.call('saveScoringSettings', settings))
}

const retrainings = (engine: TestEngine) =>
  engine.events.flatMap((event) => (event.name === 'jobChanged' && event.payload.kind === 'retraining' ? [event.payload as JobSnapshot] : []))

const scoredWith = (engine: TestEngine, id: string) =>
  engine.sql.get<{ v: string }>(sql`SELECT s.model_version AS v FROM scorings s JOIN comments c ON c.id = s.comment_id WHERE c.external_id = ${id} AND s.scorer = 'local'`)!

/** The comment's toxicity as its row keeps it (JSON read here: the same on either store). */
const toxicityOf = (engine: TestEngine, id: string): number =>
  (JSON.parse(engine.sql.get<{ scores: string }>(sql`SELECT scores FROM comments WHERE external_id = ${id}`)!.scores) as Record<string, number>).TOXICITY

describe('learning from every decision', () => {
  it('retrains in the background after N approvals and removals (a bulk one counting each comment), records it, and rescores pending comments', async () => {
    const engine = await newsroom(40)
    const before = toxicityOf(engine, 'new')
    await decideByIds(engine, range(20, 'bad'), 'remove', { clause: 'abusive' })
    await decideByIds(engine, range(19, 'ok'), 'approve')
    expect(retrainings(engine)).toEqual([])
    expect(await engine.call('modelLineage', {})).toMatchObject({ entries: [], decisionsSince: 39, retrainEvery: 40 })

    await decideByIds(engine, ['ok19'], 'approve')
    await expect.poll(() => retrainings(engine).length).toBeGreaterThan(0)
    const job = await finished(engine.client, retrainings(engine)[0])
    expect(job.state).toBe('done')

    const lineage = await engine.call('modelLineage', {})
    expect(lineage.decisionsSince).toBe(0)
    expect(lineage.entries).toHaveLength(1)
    const [entry] = lineage.entries
    expect(entry).toMatchObject({ decisions: 40, kept: true, startedBy: 'automatic' })
    expect(entry.version).not.toBe(entry.previousVersion)
    // The comment still pending was scored again with the new model, and it learned the newsroom's slur.
    expect(scoredWith(engine, 'new').v.startsWith(entry.version)).toBe(true)
    expect(toxicityOf(engine, 'new')).toBeGreaterThan(before + 0.1)
  })

  it("does not count an automatic rule's decisions, nor learn by itself in an engine not asked to", async () => {
    const engine = await newsroom(20)
    await saveSettings(engine, (settings) => (settings.rules.remove = { enabled: true, attribute: null, above: 0.01, clause: 'abusive' }))
    expect(engine.sql.get(sql`SELECT count(*) AS n FROM decisions WHERE automated = 1`)).toMatchObject({ n: 61 })
    expect((await engine.call('modelLineage', {})).decisionsSince).toBe(0)

    const quiet = await newsroom(20, false)
    await decideByIds(quiet, range(15, 'bad'), 'remove', { clause: 'abusive' })
    await decideByIds(quiet, range(15, 'ok'), 'approve')
    expect((await quiet.call('modelLineage', {})).decisionsSince).toBe(30)
    expect(retrainings(quiet)).toEqual([])
  })

  it('never runs two retrainings at once: a second start joins the first; every retraining, kept or not, is in the lineage', async () => {
    const engine = await newsroom(20, false)
    await decideByIds(engine, range(15, 'bad'), 'remove', { clause: 'abusive' })
    await decideByIds(engine, range(15, 'ok'), 'approve')
    const first = await engine.call('learn', {})
    const second = await engine.call('learn', {})
    expect(second.id).toBe(first.id)
    await finished(engine.client, first)
    const again = await finished(engine.client, await engine.call('learn', {}))
    expect(again.id).not.toBe(first.id)
    const { entries, chart } = await engine.call('modelLineage', { chart: true })
    expect(entries.map((entry) => [entry.startedBy, entry.decisions])).toEqual([
      ['by hand', 30],
      ['by hand', 30]
    ])
    // The second learned nothing new: it keeps the first's model or a copy as good; either way it is told.
    expect(entries[1].previousVersion).toBe(entries[0].version)
    expect(chart === null || chart!.startsWith('<svg')).toBe(true)
  })
})

describe('sieve model', () => {
  // The command line opens the test's SQLite file by its path; on a team database the lineage is the same call.
  it.skipIf(process.env.SIEVE_TEST_STORE === 'postgres')("prints the model's lineage: version, decisions learned from, held-back ROC-AUC before and after, kept", async () => {
    const engine = await newsroom(20, false)
    expect(JSON.parse(runCli(['model', '--json', '--db', engine.dbPath]).stdout)).toEqual({ entries: [], decisionsSince: 0, retrainEvery: 20 })
    await decideByIds(engine, range(30, 'bad'), 'remove', { clause: 'abusive' })
    await decideByIds(engine, range(30, 'ok'), 'approve')
    const report = await engine.call('retrain', {})

    const result = runCli(['model', '--json', '--db', engine.dbPath])
    expect(result.stderr).toBe('')
    const lineage = JSON.parse(result.stdout)
    expect(lineage).toMatchObject({ decisionsSince: 0, retrainEvery: 20 })
    const check = report.checks.find((one) => one.name === 'held-back decisions')!
    expect(lineage.entries).toEqual([
      expect.objectContaining({
        version: report.version,
        previousVersion: report.previousVersion,
        decisions: 60,
        aucBefore: check.previousAuc,
        aucAfter: check.candidateAuc,
        kept: report.saved,
        startedBy: 'by hand'
      })
    ])
    const text = runCli(['model', '--db', engine.dbPath]).stdout
    expect(text).toContain(report.version)
    expect(text).toMatch(/\b60\b.*(kept|not kept)\s+by hand/)
  })
})
