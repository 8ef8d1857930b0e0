import { readFileSync, writeFileSync } from 'node:fs'
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
    expect(listed[0]).toMatchObject({ status: 'pending', clause: null })

    const refused = runCli(['act', 'remove', 'c2', '--db', db])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/must name a Terms-of-Use clause/)
    // --reason is the clause's older name, kept for scripts written against the first release.
    const unknown = runCli(['act', 'remove', 'c2', '--reason', 'nonsense', '--db', db])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/nonsense/)

    const acted = runCli(['act', 'remove', 'c2', 'c3', '--clause', 'abusive', '--note', 'two at once', '--moderator', 'maya', '--db', db])
    expect(acted.code).toBe(0)
    expect(acted.stdout).toMatch(/remove: 2 of 2 comments changed/)
    expect(runCli(['act', 'approve', 'c1', '--db', db]).code).toBe(0)

    const removed = JSON.parse(runCli(['list', '--queue', 'removed', '--json', '--db', db]).stdout)
    expect(removed.map((item: { id: string; clause: string }) => [item.id, item.clause]).sort()).toEqual([
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

  it('list --json gives each comment its whole text, however long', () => {
    const dir = tempDir()
    const db = join(dir, 'cli.db')
    const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of a long letter to the editor.`).join('\n')
    expect(runCli(['import', writeNdjson(dir, 'in.ndjson', [comment('long', long), comment('short', 'Short.')]), '--db', db]).code).toBe(0)
    const listed = JSON.parse(runCli(['list', '--json', '--db', db]).stdout) as { id: string; text: string }[]
    expect(long.length).toBeGreaterThan(10_000)
    expect(Object.fromEntries(listed.map((item) => [item.id, item.text]))).toEqual({ long, short: 'Short.' })
  })

  it('takes the database from SIEVE_DB and says clearly what is wrong', () => {
    const dir = tempDir()
    const env = { SIEVE_DB: join(dir, 'env.db') }
    expect(runCli(['import', join(dir, 'missing.ndjson')], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/No such file/) })
    expect(runCli(['act', 'approve', 'nope'], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/No comment has the id "nope"/) })
    expect(runCli(['list', '--queue', 'everything'], env).code).not.toBe(0)
  })
})

describe('bulk actions from the command line', () => {
  it('acts on every comment a --where filter matches, with a dry run first', () => {
    const dir = tempDir()
    const db = join(dir, 'bulk.db')
    const lines = Array.from({ length: 30 }, (_, i) => comment(`c${i}`, i < 25 ? `A calm comment number ${i}.` : `You idiot number ${i}, f*** off`))
    runCli(['import', writeNdjson(dir, 'in.ndjson', lines), '--db', db])
    runCli(['score', '--db', db])

    expect(runCli(['act', 'approve', '--where', 'queue=review,maxScore<0.4', '--dry-run', '--db', db]).stdout).toMatch(/25 comments match; nothing was changed/)
    const acted = runCli(['act', 'approve', '--where', 'queue=review,maxScore<0.4', '--db', db])
    expect(acted.stdout).toMatch(/approve: 25 of 25 matching comments changed/)
    const left = JSON.parse(runCli(['list', '--json', '--db', db]).stdout)
    expect(left.map((item: { id: string }) => item.id).sort()).toEqual(['c25', 'c26', 'c27', 'c28', 'c29'])

    const bad = runCli(['act', 'approve', '--where', 'score<lots', '--db', db])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--where: "score<lots": lots is not a number/)
    expect(runCli(['act', 'approve', 'c1', '--where', 'queue=all', '--db', db]).code).toBe(2)
  })
})

describe('importing other formats from the command line', () => {
  it('guesses WXR, Disqus and CSV from the file, and takes a CSV column mapping', () => {
    const dir = tempDir()
    const db = join(dir, 'formats.db')
    const fixtures = join(__dirname, '../fixtures/import')
    expect(runCli(['import', join(fixtures, 'wordpress.wxr.xml'), '--db', db]).stdout).toMatch(/Read wxr[\s\S]*7 comments landed: 7 new/)
    expect(runCli(['import', join(fixtures, 'disqus-export.xml'), '--db', db]).stdout).toMatch(/Read disqus[\s\S]*7 comments landed: 7 new/)
    const csv = join(dir, 'mapped.csv')
    writeFileSync(csv, 'ref,words,who\nr1,"A comment, with a comma",ann\nr2,,bob\n')
    const mapped = runCli(['import', csv, '--map', 'id=ref,text=words,authorName=who', '--db', db])
    expect(mapped.stdout).toMatch(/Read csv/)
    expect(mapped.stdout).toMatch(/1 comments landed: 1 new/)
    expect(mapped.stdout).toMatch(/line 3: rejected:/)
    expect(runCli(['import', csv, '--format', 'xml', '--db', db]).code).not.toBe(0)
  })
})
