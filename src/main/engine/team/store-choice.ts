// The team database a desktop chose in the app ("Connect to a team database"), remembered in its data
// folder so that the window, the command line and the next start all open it. --db and SIEVE_DB still
// win: a store named when Sieve starts is never overridden by a choice made earlier.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { z } from 'zod'
import { writePrivateFile } from '../private-files'
import { isPostgresUrl } from '../database/postgres/connect'

export const STORE_CHOICE_FILE = 'store.json'

const choiceSchema = z.object({ team: z.string().refine(isPostgresUrl) }).strict()

/** The team database's address, or null for this desktop's own SQLite file (also when the file is unreadable). */
export function readStoreChoice(file: string): string | null {
  if (!existsSync(file)) return null
  try {
    return choiceSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).team
  } catch {
    console.error(`[sieve] ${file} is not a store choice Sieve wrote; opening this desktop's own database.`)
    return null
  }
}

/** Remembers the team database (an address without a password), or forgets it (null). */
export function writeStoreChoice(file: string, team: string | null): void {
  if (team === null) rmSync(file, { force: true })
  else writePrivateFile(file, JSON.stringify({ team }, null, 2) + '\n')
}
