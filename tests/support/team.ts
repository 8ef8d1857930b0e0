// Team mode in tests: engines that log in to a team database as any of its moderators.
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { loginKey } from '../../src/main/engine/database/postgres/connect'
import { createFileSecretStore } from '../../src/main/engine/secrets/secret-store'
import type { EngineOptions, StartOptions } from '../../src/main/engine/engine'
import { openTestEngine, tempDir, type TestEngine } from './temp-engine'
import type { TeamDatabase } from './team-database'

export { loginName, teamDatabase, type TeamDatabase } from './team-database'

/** An engine on the team database, logged in as `user` with `password` (kept in its secret store). */
export async function teamEngine(team: TeamDatabase, user: string, password: string, options: Partial<EngineOptions & StartOptions> = {}): Promise<TestEngine> {
  const dir = tempDir()
  const url = team.urlFor(user)
  const secrets = createFileSecretStore(join(dir, 'secrets.json'))
  secrets.set(loginKey(url), password)
  const engine = await openTestEngine({ dbUrl: url, secrets, ...options }, dir)
  onTestFinished(engine.close)
  return engine
}
