// "Connect to a team database" in the app: the login is tried before anything is kept, the choice
// survives a restart (the command line opens the same store), leaving goes back to the desktop's own
// database, and a team database that cannot be opened any more never leaves Sieve unopenable.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../src/shared/api'
import { startEngine } from '../../../src/main/engine/engine'
import type { Engine } from '../../../src/main/engine/door'
import { ownStoreLocation, storeLocation, type StoreLocation } from '../../../src/main/paths'
import { makePrivateDir } from '../../../src/main/engine/private-files'
import { startSwitchingEngine } from '../../../src/main/store-switch'
import { clientOf } from '../../../src/main/transport/in-process'
import { runCliAsync } from '../../support/run-cli'
import { loginName, teamDatabase } from '../../support/team'
import { comment, RESOURCES_DIR, tempDir, writeNdjson } from '../../support/temp-engine'

const opened: Engine[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((engine) => engine.close()))
})

/** The app as `sieve serve` and the desktop start it: the store its data folder names, switching when told. */
async function appOn(home: string) {
  const dataDir = join(home, 'sieve')
  const start = (location: StoreLocation, storeProblem?: string) => {
    makePrivateDir(dirname(location.dbPath))
    return startEngine({ ...location, storeProblem, resourcesDir: RESOURCES_DIR })
  }
  const engine = await startSwitchingEngine({
    start: () => start(storeLocation(undefined, dataDir)),
    startOwn: (problem) => start(ownStoreLocation(dataDir), problem)
  })
  opened.push(engine)
  const events: EngineEvent[] = []
  engine.subscribe((event) => events.push(event))
  return { engine, client: clientOf(engine), events, dataDir, choiceFile: join(dataDir, 'store.json') }
}

describe('connecting to a team database from the app', () => {
  it('tries the login first, then keeps the password in the secret store and reopens on the team queue; leaving goes back', async () => {
    const team = await teamDatabase()
    const name = loginName('asha')
    const password = team.addLogin(name)
    const lead = loginName('lead')
    const leadPassword = team.addLogin(lead, true)
    const seeded = await runCliAsync(
      ['--db', team.urlFor(lead), 'import', writeNdjson(tempDir(), 'q.ndjson', [comment('t1', 'A comment on the team queue')])],
      {
        env: { PGPASSWORD: leadPassword, XDG_CONFIG_HOME: tempDir() }
      }
    )
    expect(seeded.code, seeded.stderr).toBe(0)

    const home = tempDir()
    const app = await appOn(home)
    await app.client.call('importFile', { path: writeNdjson(tempDir(), 'own.ndjson', [comment('own1', 'A comment on my own desktop')]) })
    expect(await app.client.call('session', {})).toMatchObject({ team: null, canChooseStore: true, storeProblem: null })

    // A wrong password, or a login that is not one of the team's: said at once, nothing kept.
    await expect(app.client.call('connectTeam', { url: team.urlFor(name), password: 'not-the-password' })).rejects.toThrow(/password authentication failed/)
    await expect(app.client.call('connectTeam', { url: team.url, password: team.owner.password })).rejects.toThrow(/is not one of this team's moderators/)
    await expect(app.client.call('connectTeam', { url: team.urlFor(name).replace('@', `:${password}@`), password })).rejects.toThrow(
      /Put no password in the database address/
    )
    expect(existsSync(app.choiceFile)).toBe(false)
    expect(app.events.some((event) => event.name === 'storeSwitched')).toBe(false)

    await expect(app.client.call('connectTeam', { url: team.urlFor(name), password })).resolves.toEqual({ database: team.name })
    expect(app.events).toContainEqual({ name: 'storeSwitched', payload: { team: team.name } })
    expect(await app.client.call('session', {})).toMatchObject({ moderator: name, team: { database: team.name, lead: false } })
    expect((await app.client.call('queuePage', { filter: { queue: 'review' }, sort: 'oldest', limit: 10 })).rows.map((row) => row.id)).toEqual(['t1'])
    // The address is remembered, the password only in the secret store.
    expect(readFileSync(app.choiceFile, 'utf8')).not.toContain(password)
    expect(readFileSync(join(app.dataDir, 'secrets.json'), 'utf8')).toContain(password)

    // The command line, with no --db, opens the store the app chose.
    const listed = await runCliAsync(['list'], { env: { XDG_CONFIG_HOME: home } })
    expect(listed.stdout, listed.stderr).toContain('A comment on the team queue')

    await expect(app.client.call('leaveTeam', {})).resolves.toEqual({ left: true })
    expect(app.events).toContainEqual({ name: 'storeSwitched', payload: { team: null } })
    expect(await app.client.call('session', {})).toMatchObject({ team: null })
    expect((await app.client.call('queuePage', { filter: { queue: 'review' }, sort: 'oldest', limit: 10 })).rows.map((row) => row.id)).toEqual(['own1'])
    expect(existsSync(app.choiceFile)).toBe(false)
  })

  it("opens the desktop's own database, saying why, when the chosen team database cannot be opened", async () => {
    const home = tempDir()
    const first = await appOn(home)
    await first.engine.close()
    opened.length = 0
    writeFileSync(first.choiceFile, JSON.stringify({ team: 'postgres://asha@127.0.0.1:9/gone' }))

    const app = await appOn(home)
    const session = await app.client.call('session', {})
    expect(session.team).toBeNull()
    expect(session.storeProblem).toMatch(/The team database could not be opened, so Sieve opened this desktop's own database\. .*127\.0\.0\.1/)
  })

  it('leaves a store named by --db alone', async () => {
    const engine = await startEngine({ ...storeLocation(join(tempDir(), 'named.db')), resourcesDir: RESOURCES_DIR })
    opened.push(engine)
    const client = clientOf(engine)
    expect(await client.call('session', {})).toMatchObject({ canChooseStore: false })
    await expect(client.call('connectTeam', { url: 'postgres://asha@127.0.0.1:5432/newsroom', password: 'whatever-it-is' })).rejects.toThrow(
      /started with --db or SIEVE_DB/
    )
  })
})
