// The local model learns from the newsroom's decisions, and `eval` measures any scorer on labelled text.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sql } from '../../src/main/engine/database/sql/sql'
import { runCli } from '../support/run-cli'
import { comment, tempDir, tempEngine, writeNdjson, decideByIds } from '../support/temp-engine'

// A slur this newsroom's readers coined: no data set knows it, the moderators remove it every time.
const coined = (i: number) => `The zorblaxes on this thread ${['again', 'as usual', 'today', 'once more'][i % 4]}, typical zorblax nonsense number ${i}`
const civil = (i: number) => `Thanks for the report on the ${['budget', 'summit', 'court ruling', 'floods'][i % 4]}, detail number ${i} was useful`

async function newsroom(dir: string) {
  const engine = await tempEngine({}, dir)
  const lines = [
    ...Array.from({ length: 30 }, (_, i) => comment(`bad${i}`, coined(i))),
    ...Array.from({ length: 30 }, (_, i) => comment(`ok${i}`, civil(i))),
    comment('new', 'what a zorblax you are')
  ]
  await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', lines) })
  await engine.call('score', { scorer: 'local' })
  return engine
}

/** The comment's toxicity as its row keeps it (JSON read here: the same on either store). */
const toxicityOf = (engine: Awaited<ReturnType<typeof newsroom>>, id: string): number =>
  (JSON.parse(engine.sql.get<{ scores: string }>(sql`SELECT scores FROM comments WHERE external_id = ${id}`)!.scores) as Record<string, number>).TOXICITY

describe('learning from decisions', () => {
  it('refuses to retrain on too few decisions, and says how many it has', async () => {
    const engine = await newsroom(tempDir())
    await decideByIds(engine, ['bad0', 'bad1'], 'remove', { clause: 'abusive' })
    await expect(engine.call('retrain', {})).rejects.toThrow(/at least 10 approved and 10 removed .* there are 0 approved and 2 removed/)
  })

  it("retrains on the moderators' removals and approvals, keeps the model beside the database, and rescores with it", async () => {
    const dir = tempDir()
    const engine = await newsroom(dir)
    const before = toxicityOf(engine, 'new')
    await decideByIds(engine, Array.from({ length: 30 }, (_, i) => `bad${i}`), 'remove', { clause: 'abusive' })
    await decideByIds(engine, Array.from({ length: 30 }, (_, i) => `ok${i}`), 'approve', {})
    const localVersion = async () => (await engine.call('scorers', {})).find((scorer) => scorer.name === 'local')!.modelVersion
    const versionBefore = await localVersion()

    const report = await engine.call('retrain', {})
    expect(report).toMatchObject({ saved: true, removed: 30, approved: 30, mode: 'fine-tune' })
    expect(existsSync(join(dir, 'local-model.bin'))).toBe(true)
    expect(await localVersion()).not.toBe(versionBefore)
    expect(report.rescored).toBe(61) // a new model version scores every comment again
    // 0.15 → 0.33 when written: the pull towards the shipped weights (retrain.ts) keeps one retraining's step short.
    expect(toxicityOf(engine, 'new')).toBeGreaterThan(before + 0.15)
  })
})

describe('sieve eval', () => {
  it('prints ROC-AUC, precision and recall at each threshold and the identity subgroup AUC for a labelled file', () => {
    const dir = tempDir()
    const data = writeNdjson(dir, 'labelled.ndjson', [
      { text: 'You are a pathetic idiot and everyone knows it', label: 1 },
      { text: 'I will find you and hurt you', label: 1 },
      { text: 'Every Muslim is vermin and should be driven out', label: 1 },
      { text: 'Thank you for this careful reporting', label: 0 },
      { text: 'As a Muslim reader I found the piece fair', label: 0 },
      { text: 'The council vote is on Tuesday', label: 0 }
    ])
    const result = runCli(['eval', '--scorer', 'local', '--data', data, '--db', join(dir, 'eval.db')])
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/comments 6, should be removed 3/)
    expect(result.stdout).toMatch(/ROC-AUC 1\.000/)
    expect(result.stdout).toMatch(/at 0\.50: precision 1\.000, recall 1\.000 \(3 flagged\)/)
    expect(result.stdout).toMatch(/identity subgroup \(2 comments mentioning identity terms\) ROC-AUC 1\.000/)
  })

  it('says what is wrong with a file it cannot read', () => {
    const dir = tempDir()
    const result = runCli(['eval', '--data', writeNdjson(dir, 'bad.ndjson', [{ text: 'no label' }]), '--db', join(dir, 'e.db')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/bad\.ndjson:1: every line needs a "text" string and a numeric "label"/)
  })
})
