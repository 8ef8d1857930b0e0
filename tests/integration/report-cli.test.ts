import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli'
import { reportFixture, settableClock } from '../support/report-fixture'
import { comment, writeNdjson, decideByIds } from '../support/temp-engine'

describe('sieve report and sieve audit', () => {
  it('write a period’s summary, statements of reasons and decision log, and print an audit trail', async () => {
    const { dir, dbPath, alice, engineFor } = await reportFixture()
    await alice.close()
    const period = ['--from', '2026-08-17', '--to', '2026-08-18']

    const html = runCli(['--db', dbPath, 'report', ...period, '--moderator', 'bob', '--format', 'html', '--out', join(dir, 'r.html')])
    expect(html.stderr).toBe('')
    expect(html.stdout).toContain('Summary of 3 decisions.')
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('Period 2026-08-17 to 2026-08-18 (moderator bob)')

    const sor = runCli(['--db', dbPath, 'report', ...period, '--format', 'sor', '--out', join(dir, 'r.json')])
    expect(sor.stdout).toContain('5 statements of reasons in 1 batch of at most 100.')
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))[0].statements).toHaveLength(5)

    const csv = runCli(['--db', dbPath, 'report', '--from', '2026-08-18', '--to', '2026-08-18', '--format', 'csv', '--out', join(dir, 'r.csv')])
    expect(csv.code).toBe(0)
    expect(readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 4)

    const audit = runCli(['--db', dbPath, 'audit', '--comment', 'c5'])
    expect(audit.stdout.trim().split('\n')).toEqual([
      '2026-08-17T09:04:00.000Z  alice  c5  remove pending→removed  clause spam',
      '2026-08-17T09:05:00.000Z  alice  c5  undo removed→pending'
    ])

    // A statement that would be rejected (posted after its removal) stops the export, and no file is left.
    const carol = await engineFor('carol', { now: settableClock('2026-08-18T12:00:00Z').now })
    await carol.call('importFile', { path: writeNdjson(dir, 'late.ndjson', [comment('late', 'spam', { createdAt: '2026-09-01T00:00:00Z' })]) })
    await decideByIds(carol, ['late'], 'remove', { clause: 'spam' })
    await carol.close()
    const refused = runCli(['--db', dbPath, 'report', ...period, '--format', 'sor', '--out', join(dir, 'refused.json')])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/1 statement of reasons would be rejected, so none were exported:\n {2}sieve-[a-z0-9]+-\d+: content_date: 2026-09-01 is after/)
    expect(existsSync(join(dir, 'refused.json'))).toBe(false)

    const bad = runCli(['--db', dbPath, 'report', '--from', '2026-08-18', '--to', '17/08/2026', '--format', 'html', '--out', join(dir, 'x.html')])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--to: a date is YYYY-MM-DD')
  }, 120_000)
})
