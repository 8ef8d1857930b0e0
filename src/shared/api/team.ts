// The team slice of the contract: joining a team's database from the app, and soft claims on the
// comments a moderator is reading, so that teammates skip them (alone, nothing is ever claimed by someone else).
import { z } from 'zod'
import { command, event, nothing, query } from './contract'

const keys = z.array(z.number().int().positive()).max(50)

export const teamCalls = {
  /**
   * Checks the login (a Sieve team database, a moderator's or a lead's role), keeps the password in this
   * desktop's secret store and remembers the choice; the app then opens the team database (storeSwitched).
   */
  connectTeam: command<{ database: string }>()(
    z.object({ url: z.string().trim().min(1).max(2000), password: z.string().min(1).max(1000) }).strict()
  ),
  /** Forgets the team database chosen in the app: the app opens this desktop's own database again. */
  leaveTeam: command<{ left: boolean }>()(nothing),
  /**
   * Claims these comments for two minutes (again and again while they are shown) and lets go of this
   * moderator's other claims; returns the ones someone else holds, by their key.
   */
  claim: command<Record<number, string>>()(z.object({ keys }).strict()),
  /** Who else holds a claim on any of these comments, by key. */
  claims: query<Record<number, string>>()(z.object({ keys: z.array(z.number().int().positive()).max(1000) }).strict())
}

export const teamEvents = {
  /** The app reopened on another store (a team database, or this desktop's own): read everything again. */
  storeSwitched: event<{ team: string | null }>(),
  /** Someone claimed comments or let them go. */
  claimsChanged: event<Record<string, never>>()
}
