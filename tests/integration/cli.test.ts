import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli'
import { comment, tempDir, writeNdjson } from '../support/temp-engine'

describe('the command line', () => {
  it('imports, scores, lists, acts and exports over one database', () => {
    const dir = tempDir()
    const db = join(dir, 'cli.db')
    const file = writeNdjson(dir, 'in.ndjson', [
      comment('c1', 'Thoughtful piece, thank you.'),
      comment('c2', 'You are a stupid idiot and everyone hates you'),
      '{broken',
      comment('c3', 'I will kill you, we know where you live')
    ])

    const imported = runCli(['import', file, '--db', db])
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(/3 comments landed: 3 new/)
    expect(imported.stdout).toMatch(/line 3: rejected: not valid JSON/)

    expect(runCli(['score', '--db', db]).stdout).toMatch(/Scored 3 comments with local/)

    const listed = JSON.parse(runCli(['list', '--queue', 'review', '--json', '--db', db]).stdout)
    expect(listed.map((item: { id: string }) => item.id)).toHaveLength(3)
    expect(listed.at(-1).id).toBe('c1') // worst first: the civil comment comes last
    expect(listed[0].scores.THREAT ?? listed[0].scores.INSULT).toBeGreaterThan(0.5)
    expect(listed[0]).toMatchObject({ status: 'pending', reason: null })

    const refused = runCli(['act', 'remove', 'c2', '--db', db])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/must name a Terms-of-Use clause/)
    expect(runCli(['act', 'remove', 'c2', '--reason', 'nonsense', '--db', db]).code).toBe(2)

    const acted = runCli(['act', 'remove', 'c2', 'c3', '--reason', 'abusive', '--note', 'two at once', '--moderator', 'maya', '--db', db])
    expect(acted.code).toBe(0)
    expect(acted.stdout).toMatch(/remove: 2 of 2 comments changed/)
    expect(runCli(['act', 'approve', 'c1', '--db', db]).code).toBe(0)

    const removed = JSON.parse(runCli(['list', '--queue', 'removed', '--json', '--db', db]).stdout)
    expect(removed.map((item: { id: string; reason: string }) => [item.id, item.reason]).sort()).toEqual([
      ['c2', 'abusive'],
      ['c3', 'abusive']
    ])

    const out = join(dir, 'log.csv')
    expect(runCli(['export', '--format', 'csv', '--out', out, '--db', db]).code).toBe(0)
    const csv = readFileSync(out, 'utf8').trim().split('\n')
    expect(csv).toHaveLength(4)
    expect(csv[1]).toMatch(/maya/)
    const json = JSON.parse(runCli(['export', '--format', 'json', '--db', db]).stdout)
    expect(json.map((entry: { action: string }) => entry.action)).toEqual(['remove', 'remove', 'approve'])
  })

  it('takes the database from SIEVE_DB and says clearly what is wrong', () => {
    const dir = tempDir()
    const env = { SIEVE_DB: join(dir, 'env.db') }
    expect(runCli(['import', join(dir, 'missing.ndjson')], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/No such file/) })
    expect(runCli(['act', 'approve', 'nope'], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/No comment has the id "nope"/) })
    expect(runCli(['list', '--queue', 'everything'], env).code).not.toBe(0)
  })
})
