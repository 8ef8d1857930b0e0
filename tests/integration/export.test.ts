import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { comment, tempDir, tempEngine, writeNdjson, decideByIds, type TestEngine } from '../support/temp-engine'

async function exported(engine: TestEngine, format: 'csv' | 'json'): Promise<string> {
  const path = join(engine.dir, `log.${format}`)
  await engine.call('writeReport', { format, path })
  return readFileSync(path, 'utf8')
}

describe('exporting the decision log', () => {
  it('escapes every cell a spreadsheet would run as a formula', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const payloads = ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR']
    await engine.call('importFile', { path: writeNdjson(
        dir,
        'in.ndjson',
        payloads.map((payload, i) =>
          comment(`c${i}`, 'text', { author: { id: `u${i}`, name: payload }, article: { id: `a${i}`, title: payload } })
        )
      ) })
    for (const [i, payload] of payloads.entries()) await decideByIds(engine, [`c${i}`], 'remove', { clause: 'spam', note: payload })

    const records = parse(await exported(engine, 'csv'), { columns: true }) as Record<string, string>[]
    expect(records).toHaveLength(payloads.length)
    for (const [i, record] of records.entries()) {
      for (const column of ['note', 'author', 'article']) {
        expect(record[column]).toBe(`'${payloads[i]}`)
      }
    }
  })

  it('writes one row per decision with the moderator, clause, note and scores, in CSV and JSON alike', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'in.ndjson', [comment('c1', 'you idiot'), comment('c2', 'fine')]) })
    await engine.call('score', { scorer: 'local' })
    await decideByIds(engine, ['c1'], 'remove', { clause: 'abusive', note: 'insult' })
    await decideByIds(engine, ['c2'], 'approve', {})
    await engine.call('undo', {})

    const rows = parse(await exported(engine, 'csv'), { columns: true }) as Record<string, string>[]
    expect(rows.map((row) => [row.comment_id, row.action, row.clause, row.moderator])).toEqual([
      ['c1', 'remove', 'abusive', 'alice'],
      ['c2', 'approve', '', 'alice'],
      ['c2', 'undo', '', 'alice']
    ])
    expect(Number(rows[0].score_insult)).toBeGreaterThan(0.5)
    expect(rows[0].note).toBe('insult')
    expect(rows[0].automated).toBe('no')

    const json = JSON.parse(await exported(engine, 'json'))
    expect(json).toHaveLength(3)
    expect(json[0]).toMatchObject({ commentId: 'c1', action: 'remove', clause: 'abusive', clauseTitle: 'Abusive', note: 'insult', automated: false })
    expect(json[0].scores.INSULT).toBeGreaterThan(0.5)
  })

  it('exports an empty log as a header or an empty array', async () => {
    const engine = await tempEngine()
    expect((await exported(engine, 'csv')).split('\n')[0]).toMatch(/^decision_id,/)
    expect(JSON.parse(await exported(engine, 'json'))).toEqual([])
  })
})
