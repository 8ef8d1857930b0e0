import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../support/run-cli'
import { reportFixture, settableClock } from '../support/report-fixture'
import { comment, decideByIds, writeNdjson } from '../support/temp-engine'

describe('sieve report and sieve audit', () => {
  it('sieve shifts sets the newsroom clock the summary counts shifts by, and says what is wrong with a bad one', async () => {
    const { dir, dbPath, alice } = await reportFixture()
    alice.close()
    expect(runCli(['--db', dbPath, 'shifts']).stdout).toContain('Shifts on UTC time: Early from 06:00, Late from 14:00, Night from 22:00.')
    const set = runCli(['--db', dbPath, 'shifts', '--set', 'Night=20:00, Day=08:00', '--time-zone', 'Asia/Kolkata'])
    expect(set.stdout).toContain('Shifts on Asia/Kolkata time: Day from 08:00, Night from 20:00.')
    const bad = runCli(['--db', dbPath, 'shifts', '--time-zone', 'Mars/Olympus'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/not a time zone/)

    // Decided from 09:00 UTC on the 17th: 14:30 in India, the day shift.
    runCli(['--db', dbPath, 'report', '--from', '2026-08-17', '--to', '2026-08-18', '--format', 'html', '--out', join(dir, 'shifts.html')])
    const html = readFileSync(join(dir, 'shifts.html'), 'utf8')
    expect(html).toContain('<h2>Decisions per shift</h2>')
    expect(html).toContain('<tr><td>2026-08-17</td><td>Day</td><td class="num">5</td><td class="num">3</td><td>alice</td></tr>')
    expect(html).toContain('<tr><td>2026-08-18</td><td>Day</td><td class="num">4</td><td class="num">2</td><td>auto-rules, bob</td></tr>')
    expect(html).toContain('Shifts on Asia/Kolkata time')
  })

  it('write a period’s summary, statements of reasons and decision log, and print an audit trail', async () => {
    const { dir, dbPath, alice, engineFor } = await reportFixture()
    alice.close()
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

    // Exported before: a second export writes none of them again, unless --all.
    const again = runCli(['--db', dbPath, 'report', ...period, '--format', 'sor', '--out', join(dir, 'again.json')])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('0 statements of reasons in 0 batches of at most 100. Wrote')
    expect(again.stderr).toContain('5 exported before were left out (the database refuses a puid twice); export with --all to repeat them.')
    expect(JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8'))).toEqual([])
    const all = runCli(['--db', dbPath, 'report', ...period, '--format', 'sor', '--all', '--out', join(dir, 'all.json')])
    expect(all.stdout).toContain('5 statements of reasons in 1 batch of at most 100.')
    expect(runCli(['--db', dbPath, 'report', ...period, '--format', 'sor', '--all', '--only-new', '--out', join(dir, 'x.json')]).code).not.toBe(0)

    // A statement the database would refuse (posted before 2000) is left out and listed; the rest are written.
    const carol = await engineFor('carol', { now: settableClock('2026-08-18T12:00:00Z').now })
    await carol.call('importFile', { path: writeNdjson(dir, 'old.ndjson', [comment('old', 'spam', { createdAt: '1999-06-01T00:00:00Z' }), comment('new', 'spam')]) })
    await decideByIds(carol, ['old', 'new'], 'remove', { clause: 'spam' })
    await carol.close()
    const partial = runCli(['--db', dbPath, 'report', ...period, '--format', 'sor', '--out', join(dir, 'partial.json')])
    expect(partial.code).toBe(1)
    expect(partial.stdout).toContain('1 statement of reasons in 1 batch of at most 100.')
    expect(partial.stderr).toMatch(/1 left out because the DSA Transparency Database would refuse it:\n {2}sieve-[a-z0-9]+-\d+: content_date: must be a date after or equal to 2000-01-01/)
    expect(JSON.parse(readFileSync(join(dir, 'partial.json'), 'utf8'))[0].statements).toHaveLength(1)

    const bad = runCli(['--db', dbPath, 'report', '--from', '2026-08-18', '--to', '17/08/2026', '--format', 'html', '--out', join(dir, 'x.html')])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--to: a date is YYYY-MM-DD')
  }, 120_000)
})
