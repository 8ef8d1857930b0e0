// Team mode on a real PostgreSQL (Debian's, started by the tests): a team's database is set up with
// `team init`, moderators and leads log in as roles of their own, PostgreSQL's grants say who may do
// what, the log names who is logged in, nobody decides a comment a teammate just decided, and every
// desktop hears of the others' decisions.
import { describe, expect, it } from 'vitest'
import { startEngine } from '../../../src/main/engine/engine'
import { sql } from '../../../src/main/engine/database/sql/sql'
import { connect } from '../../../src/main/engine/database/postgres/open'
import { tryLease } from '../../../src/main/engine/team/store/leases'
import { runCliAsync } from '../../support/run-cli'
import { startPostgres } from '../../support/postgres'
import { loginName, teamDatabase, teamEngine } from '../../support/team'
import { comment, RESOURCES_DIR, tempDir, writeNdjson, type TestEngine } from '../../support/temp-engine'
import type { CommentRow } from '../../../src/shared/model'

const PAGE = { filter: { queue: 'review' as const }, sort: 'oldest' as const, limit: 100 }

async function pendingRows(engine: TestEngine): Promise<CommentRow[]> {
  return (await engine.call('queuePage', PAGE)).rows
}

/** A team with a lead who has imported `count` comments, and two moderators. */
async function teamWithQueue(count: number) {
  const team = await teamDatabase()
  const names = { lead: loginName('lead'), maya: loginName('maya'), ravi: loginName('ravi') }
  const lead = await teamEngine(team, names.lead, team.addLogin(names.lead, true))
  await lead.call('importFile', {
    path: writeNdjson(
      lead.dir,
      'in.ndjson',
      Array.from({ length: count }, (_, i) => comment(`c${i + 1}`, `Comment number ${i + 1} on the budget story`))
    )
  })
  const maya = await teamEngine(team, names.maya, team.addLogin(names.maya))
  const ravi = await teamEngine(team, names.ravi, team.addLogin(names.ravi))
  return { team, names, lead, maya, ravi }
}

describe('team mode', () => {
  it('team init creates the schema and says when it is up to date; an engine refuses a database without it or newer than it', async () => {
    const server = await startPostgres()
    const fresh = await server.freshDatabase('sieve_init')
    const env = { PGPASSWORD: fresh.password, XDG_CONFIG_HOME: tempDir() }
    const dataDir = tempDir()
    const open = () => startEngine({ dbPath: `${dataDir}/sieve.db`, dbUrl: fresh.url, resourcesDir: RESOURCES_DIR, secrets: undefined })

    process.env.PGPASSWORD = fresh.password
    try {
      await expect(open()).rejects.toThrow(/has no Sieve schema yet: its owner runs `sieve team init/)
      const created = await runCliAsync(['--db', fresh.url, 'team', 'init'], { env })
      expect(created.stderr).toBe('')
      expect(created.stdout).toMatch(/Created Sieve's schema \(version \d+\)/)
      expect((await runCliAsync(['--db', fresh.url, 'team', 'init'], { env })).stdout).toMatch(/up to date/)
      const engine = await open()
      await engine.close()

      await server.query('UPDATE sieve_schema SET version = 999', [], fresh.name)
      await expect(open()).rejects.toThrow(/written by a newer version of Sieve \(schema 999/)
      const refused = await runCliAsync(['--db', fresh.url, 'team', 'init'], { env })
      expect(refused.code).toBe(2)
      expect(refused.stderr).toMatch(/newer version of Sieve/)
    } finally {
      delete process.env.PGPASSWORD
    }
  })

  it('refuses a password written into the database address, and never repeats it', async () => {
    const dataDir = tempDir()
    const attempt = startEngine({ dbPath: `${dataDir}/sieve.db`, dbUrl: 'postgres://maya:hunter2-secret@127.0.0.1:55433/newsroom', resourcesDir: RESOURCES_DIR })
    await expect(attempt).rejects.toThrow(/Put no password in the database address/)
    await expect(attempt).rejects.not.toThrow(/hunter2/)
    const cli = await runCliAsync(['--db', 'postgres://maya:hunter2-secret@127.0.0.1:55433/newsroom', 'list'], { env: { XDG_CONFIG_HOME: tempDir() } })
    expect(cli.code).toBe(2)
    expect(cli.stderr).toMatch(/Put no password/)
    expect(cli.stderr + cli.stdout).not.toContain('hunter2')
  })

  it('team add-moderator takes the password on standard input; the new login decides but PostgreSQL refuses it the leads\' settings', async () => {
    const { team, lead, names } = await teamWithQueue(3)
    const name = loginName('sam')
    const password = 'a-long-password-for-sam'
    const added = await runCliAsync(['--db', team.url, 'team', 'add-moderator', name, '--password-stdin'], { env: { PGPASSWORD: team.owner.password, XDG_CONFIG_HOME: tempDir() }, input: `${password}\n` })
    expect(added.stdout).toContain(`Added moderator ${name}.`)
    const sam = await teamEngine(team, name, password)

    const [first] = await pendingRows(sam)
    expect((await sam.call('decide', { keys: [first.key], seen: [first.version], action: 'approve' })).changed).toBe(1)
    // A moderator's own screen is theirs to set.
    await sam.call('saveKeymap', await sam.call('keymap', {}))
    // Thresholds, rules and word lists are the leads': a lead may change them...
    const settings = await lead.call('scoringSettings', {})
    await expect(lead.call('saveScoringSettings', settings)).resolves.toMatchObject({ kind: 'rechecking' })
    // ...a moderator may not: the database refuses, and the app says why.
    await expect(sam.call('saveScoringSettings', settings)).rejects.toThrow(/may not do that: .* is for leads/)
    // Not only through Sieve: the login itself cannot change them, add a source, or rewrite the log.
    const asSam = connect(team.urlFor(name), password)
    try {
      expect(asSam.run(sql`UPDATE settings SET value = '{}' WHERE key = 'scoring'`)).toBe(0)
      expect(() => asSam.run(sql`INSERT INTO settings (key, value) VALUES ('scoring', '{}')`)).toThrow(/row-level security|duplicate key/)
      expect(() => asSam.run(sql`INSERT INTO sources (kind, name, created_at) VALUES ('file', 'mine', '2026-01-01')`)).toThrow(/permission denied/)
      expect(() => asSam.run(sql`DELETE FROM decisions`)).toThrow(/permission denied/)
      expect(() => asSam.run(sql`UPDATE decisions SET moderator = 'nobody'`)).toThrow(/permission denied/)
    } finally {
      asSam.close()
    }
    expect(team.sql.get(sql`SELECT value FROM settings WHERE key = 'scoring'`)).not.toEqual({ value: '{}' })
    expect(names.lead).toBeTruthy()
  })

  it("each login keeps its own key map, columns and views: a teammate's never overwrite them, nor may they be written for another", async () => {
    const { team, names, maya, ravi } = await teamWithQueue(1)
    await maya.call('saveKeymap', { preset: 'coral', overrides: {} })
    await ravi.call('saveKeymap', { preset: 'wordpress', overrides: {} })
    await ravi.call('saveSavedViews', [{ name: 'Ravi reported', filter: { queue: 'reported' }, sort: 'oldest' }])
    expect((await maya.call('keymap', {})).preset).toBe('coral')
    expect((await ravi.call('keymap', {})).preset).toBe('wordpress')
    expect(await maya.call('savedViews', {})).toEqual([])
    // Not only through Sieve: another login cannot write Ravi's screen, only its own.
    const kim = loginName('kim')
    const asKim = connect(team.urlFor(kim), team.addLogin(kim))
    try {
      expect(asKim.run(sql`UPDATE settings SET value = '{}' WHERE key = ${`keymap@${names.ravi}`}`)).toBe(0)
      expect(() => asKim.run(sql`INSERT INTO settings (key, value) VALUES (${`tableLayout@${names.ravi}`}, '{}')`)).toThrow(/row-level security/)
      expect(asKim.run(sql`INSERT INTO settings (key, value) VALUES (${`tableLayout@${kim}`}, '{}')`)).toBe(1)
    } finally {
      asKim.close()
    }
    expect(team.sql.all(sql`SELECT key FROM settings WHERE key LIKE 'keymap%' ORDER BY key`)).toEqual([
      { key: `keymap@${names.maya}` },
      { key: `keymap@${names.ravi}` }
    ])
  })

  it('the decision log names the logged-in role, whatever name the client or --moderator gives', async () => {
    const { team, names } = await teamWithQueue(2)
    const password = team.addLogin(names.maya)
    const pretender = await teamEngine(team, names.maya, password, { moderator: 'mallory' })
    const [row] = await pendingRows(pretender)
    await pretender.call('decide', { keys: [row.key], action: 'approve' })
    const cli = await runCliAsync(['--db', team.urlFor(names.maya), 'act', 'approve', 'c2', '--moderator', 'mallory'], { env: { PGPASSWORD: password, XDG_CONFIG_HOME: tempDir() } })
    expect(cli.stderr).toBe('')
    const log = team.sql.all<{ moderator: string }>(sql`SELECT DISTINCT moderator FROM decisions UNION SELECT DISTINCT moderator FROM batches`)
    expect(log).toEqual([{ moderator: names.maya }])
  })

  it('a comment a teammate decided after you saw it is refused, saying who did what and when; overlapping selections decide each comment once', async () => {
    const { maya, ravi, names } = await teamWithQueue(30)
    const seenByMaya = await pendingRows(maya)
    const seenByRavi = await pendingRows(ravi)

    await maya.call('decide', { keys: [seenByMaya[0].key], seen: [seenByMaya[0].version], action: 'remove', clause: 'abusive' })
    await expect(ravi.call('decide', { keys: [seenByRavi[0].key], seen: [seenByRavi[0].version], action: 'approve' })).rejects.toThrow(
      new RegExp(`Already removed by ${names.maya} \\d+ s ago: your decision was not applied`)
    )

    // Both select rows 2–20 and 11–30 as they saw them, and decide at the same moment.
    const pick = (rows: CommentRow[], from: number, to: number) => rows.slice(from, to)
    const mayaRows = pick(seenByMaya, 1, 20)
    const raviRows = pick(seenByRavi, 10, 30)
    const [fromMaya, fromRavi] = await Promise.all([
      maya.call('decide', { keys: mayaRows.map((row) => row.key), seen: mayaRows.map((row) => row.version), action: 'approve' }),
      ravi.call('decide', { keys: raviRows.map((row) => row.key), seen: raviRows.map((row) => row.version), action: 'disable' })
    ])
    expect(fromMaya.changed + fromRavi.changed).toBe(29)
    expect((fromMaya.skipped ?? 0) + (fromRavi.skipped ?? 0)).toBe(10)
    const twice = maya.sql.all(sql`SELECT comment_id FROM decisions GROUP BY comment_id HAVING count(*) > 1`)
    expect(twice).toEqual([])

    // A bulk decision over a filter skips what a teammate decided after the moment it names, and counts it.
    const seenDecision = maya.sql.get<{ id: number }>(sql`SELECT max(id) AS id FROM decisions`)!.id
    const [last] = await pendingRows(ravi)
    expect(last).toBeUndefined()
    await maya.call('undo', {})
    await ravi.call('decide', { keys: [mayaRows[0].key], action: 'remove', clause: 'spam' })
    const bulk = await maya.call('decide', { filter: { queue: 'all' }, seenDecision, action: 'approve' })
    expect(bulk.skipped).toBeGreaterThanOrEqual(1)
    expect(maya.sql.get(sql`SELECT status FROM comments WHERE id = ${mayaRows[0].key}`)).toEqual({ status: 'removed' })
  })

  it('what a moderator is reading is claimed: teammates skip it and are refused it, a lead is not, and a decision or quitting lets go', async () => {
    const { lead, maya, ravi, names } = await teamWithQueue(10)
    const rows = await pendingRows(maya)
    const reading = rows.slice(0, 3).map((row) => row.key)
    expect(await maya.call('claim', { keys: reading })).toEqual({})

    const raviSees = (await pendingRows(ravi)).map((row) => row.key)
    expect(raviSees).toHaveLength(7)
    expect(raviSees).not.toContain(reading[0])
    expect(await ravi.call('claims', { keys: reading })).toEqual(Object.fromEntries(reading.map((key) => [key, names.maya])))
    // Ravi's claim on them takes nothing from Maya.
    expect(await ravi.call('claim', { keys: reading.slice(0, 1) })).toEqual({ [reading[0]]: names.maya })
    await expect(ravi.call('decide', { keys: [reading[0]], action: 'approve' })).rejects.toThrow(new RegExp(`${names.maya} is reading this comment`))
    const bulk = await ravi.call('decide', { keys: rows.slice(0, 5).map((row) => row.key), action: 'approve' })
    expect(bulk).toMatchObject({ changed: 2, skipped: 3 })
    // A lead may decide a claimed comment; a decision lets go of its claim.
    await lead.call('decide', { keys: [reading[0]], action: 'remove', clause: 'spam' })
    await maya.call('decide', { keys: [reading[1]], action: 'approve' })
    expect(await ravi.call('claims', { keys: reading })).toEqual({ [reading[2]]: names.maya })
    // The lead's report counts the team's work, each moderator by their login.
    const { summary } = await lead.call('reportPreview', { filter: { from: '2026-01-01', to: '2027-12-31' } })
    expect(Object.fromEntries(summary.byModerator.map((row) => [row.moderator, row.decisions]))).toEqual({ [names.lead]: 1, [names.maya]: 1, [names.ravi]: 2 })
    // ...and by shift, on the newsroom's clock, which only a lead may set.
    const shifts = { timeZone: 'Asia/Kolkata', shifts: [{ name: 'Day', start: '08:00' }, { name: 'Night', start: '20:00' }] }
    await expect(ravi.call('saveShifts', shifts)).rejects.toThrow(/may not do that: .* is for leads/)
    await lead.call('saveShifts', shifts)
    const { byShift } = (await lead.call('reportPreview', { filter: { from: '2026-01-01', to: '2027-12-31' } })).summary
    expect(byShift.reduce((sum, row) => sum + row.decisions, 0)).toBe(4)
    expect(new Set(byShift.flatMap((row) => row.moderators))).toEqual(new Set([names.lead, names.maya, names.ravi]))
    expect(byShift.every((row) => row.shift === 'Day' || row.shift === 'Night')).toBe(true)
    // Quitting lets go of the rest at once.
    await maya.close()
    expect(await ravi.call('claims', { keys: reading })).toEqual({})
    expect((await pendingRows(ravi)).map((row) => row.key)).toContain(reading[2])
  })

  it('one desktop pushes the outbox at a time, and one that dies lets go with its connection', async () => {
    const { team, names, maya } = await teamWithQueue(1)
    // Another desktop, logged in as the lead, is pushing.
    const other = connect(team.urlFor(names.lead), team.addLogin(names.lead, true))
    expect(tryLease(other, 'sieve:sync')).toBe(true)
    expect((await maya.call('syncNow', {})).note).toMatch(new RegExp(`Another Sieve \\(${names.lead}[^)]*\\) is pushing`))
    // It dies: its session ends, and with it the lease.
    other.close()
    await expect.poll(async () => (await maya.call('syncNow', {})).note, { timeout: 10_000 }).toBeUndefined()
  })

  it('every desktop hears of a teammate\'s decision through PostgreSQL\'s notices', async () => {
    const { team, names, ravi } = await teamWithQueue(3)
    const listening = await teamEngine(team, names.maya, team.addLogin(names.maya), { watchChanges: true })
    // Let the listener's connection settle before the teammate decides.
    await new Promise((wake) => setTimeout(wake, 500))
    const [row] = await pendingRows(ravi)
    const decidedAt = Date.now()
    await ravi.call('decide', { keys: [row.key], seen: [row.version], action: 'approve' })
    await expect
      .poll(() => listening.events.find((event) => event.name === 'commentsDecided' && event.payload.moderator === names.ravi), { timeout: 10_000, interval: 20 })
      .toBeTruthy()
    console.log(`a teammate's decision reached another desktop's events in ${Date.now() - decidedAt} ms`)
    // And of what a teammate starts reading.
    const [next] = await pendingRows(ravi)
    await ravi.call('claim', { keys: [next.key] })
    await expect.poll(() => listening.events.some((event) => event.name === 'claimsChanged'), { timeout: 10_000, interval: 20 }).toBe(true)
  })
})
