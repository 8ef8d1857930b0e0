// The engine: the domains' slices combined behind one door. This file only composes; each domain folder
// holds its calls' handlers and the work behind them. Plain Node: everything it depends on comes in
// through EngineOptions, and it never imports Electron.
import { api } from '../../shared/api'
import { createChangeFeed } from './changes/change-feed'
import { createContext, type EngineContext, type EngineOptions } from './context'
import { createEventHub, dispatch, type Engine } from './door'
import { jobsSlice } from './jobs/slice'
import { moderationSlice } from './moderation/slice'
import { reportsSlice } from './reports/slice'
import { scoringSlice } from './scoring/slice'
import { settingsSlice } from './settings/slice'
import { combineSlices } from './slice'
import { sourcesSlice } from './sources/slice'
import { teamSlice } from './team/slice'
import { dailyBackup } from './database/backup'
import { isEmpty } from './sources/store/comments'
import { scoreNewComments } from './scoring/score-comments'

export type { EngineOptions } from './context'
export type { Engine, Caller } from './door'

export const SLICES = [settingsSlice, moderationSlice, scoringSlice, sourcesSlice, reportsSlice, jobsSlice, teamSlice] as const

export interface StartOptions {
  /** Tell every listener what changes in the database, from this process or another (the app; tests that listen). */
  watchChanges?: boolean
  /** What the app does as it opens: today's backup, the demo queue in an empty database, scoring what is new. */
  openAsApp?: { demo: boolean }
}

/** The whole engine in this thread: the command line, the bench and most tests. */
export async function startEngine(options: EngineOptions & StartOptions): Promise<Engine> {
  const hub = createEventHub()
  const context = createContext(options, hub.emit)
  const handlers = combineSlices(SLICES, context, api)
  try {
    if (options.openAsApp) await openAsApp(context, handlers, options.openAsApp.demo)
    if (options.autoSync) context.sync.startLoop()
  } catch (error) {
    await context.close()
    throw error
  }
  const feed = options.watchChanges ? createChangeFeed(options, context.secrets, hub.emit) : null
  return {
    dispatch: async (name, input, caller) => {
      const reply = await dispatch(handlers, name, input, caller)
      // Our own writes are told at once, without waiting for the file system to say so.
      feed?.check()
      return reply
    },
    subscribe: hub.subscribe,
    async close() {
      feed?.close()
      await context.close()
    }
  }
}

/** Today's backup, the demo queue when the database is empty, and scores for whatever is unscored. */
export async function openAsApp(context: EngineContext, handlers: ReturnType<typeof combineSlices>, demo: boolean): Promise<void> {
  await dailyBackup(context.db, context.options.dbPath, context.now())
  // A team's database never gets the demo queue: it is real work from the start.
  if (demo && !context.options.dbUrl && isEmpty(context.db)) await handlers.get('loadDemo')!({})
  await scoreNewComments(context)
}
