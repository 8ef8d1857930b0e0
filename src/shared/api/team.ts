// The team slice of the contract: soft claims on the comments a moderator is reading, so that teammates
// skip them (team mode; alone, nothing is ever claimed by someone else).
import { z } from 'zod'
import { command, event, query } from './contract'

const keys = z.array(z.number().int().positive()).max(50)

export const teamCalls = {
  /**
   * Claims these comments for two minutes (again and again while they are shown) and lets go of this
   * moderator's other claims; returns the ones someone else holds, by their key.
   */
  claim: command<Record<number, string>>()(z.object({ keys }).strict()),
  /** Who else holds a claim on any of these comments, by key. */
  claims: query<Record<number, string>>()(z.object({ keys: z.array(z.number().int().positive()).max(1000) }).strict())
}

export const teamEvents = {
  /** Someone claimed comments or let them go. */
  claimsChanged: event<Record<string, never>>()
}
