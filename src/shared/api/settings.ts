// The settings slice of the contract: who is working, the Terms of Use, and what a moderator arranges
// in the app (keys, columns, saved views), kept by the engine so every window agrees.
import { z } from 'zod'
import type { Policy } from '../model'
import {
  keymapSettingSchema,
  savedViewsSchema,
  tableLayoutSchema,
  type KeymapSetting,
  type SavedView,
  type TableLayout
} from '../settings'
import { shiftsSchema, type Shifts } from '../reports'
import { command, event, nothing, query } from './contract'

export interface Session {
  moderator: string
  machine: string
  version: string
  /** In team mode: the team database and whether this login is a lead; null for a moderator alone. */
  team: { database: string; lead: boolean } | null
  /** Whether the app may choose the store (not when --db or SIEVE_DB named it). */
  canChooseStore: boolean
  /** Why the team database chosen in the app could not be opened (this desktop's own opened instead). */
  storeProblem: string | null
}

export const settingsCalls = {
  session: query<Session>()(nothing),
  policy: query<Policy>()(nothing),
  keymap: query<KeymapSetting>()(nothing),
  saveKeymap: command<KeymapSetting>()(keymapSettingSchema),
  tableLayout: query<TableLayout>()(nothing),
  saveTableLayout: command<TableLayout>()(tableLayoutSchema),
  savedViews: query<SavedView[]>()(nothing),
  saveSavedViews: command<SavedView[]>()(savedViewsSchema),
  /** The newsroom's shifts, which reports count by (in a team, only leads may change them). */
  shifts: query<Shifts>()(nothing),
  saveShifts: command<Shifts>()(shiftsSchema),
  /** Where API keys and site passwords are kept (the OS keychain, or a file only the user can read), in a sentence. */
  secretStorage: query<{ location: string }>()(nothing),
  /** A consistent copy of the database, taken while it stays in use; never overwrites a file. */
  backup: command<{ path: string }>()(z.object({ path: z.string().min(1).max(4096) }).strict(), { local: true })
}

export const settingsEvents = {
  /** A setting changed (in this window, another one, or another process): read it again. */
  settingsChanged: event<{ key: 'keymap' | 'tableLayout' | 'savedViews' | 'scoring' | 'shifts' }>()
}
