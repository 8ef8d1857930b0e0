// The engine the windows talk to, across a change of store: when the moderator connects to a team
// database in the app, or leaves it, the engine is closed and started again on the store the data folder
// now names, and every window is told (storeSwitched) to read everything again. Calls that arrive
// meanwhile wait for the new engine. If the chosen team database cannot be opened, the desktop's own
// database opens instead and the window is told why, so a broken choice never leaves Sieve unopenable.
import { createEventHub, type Engine } from './engine/door'

/** The calls after which the engine reopens on another store. */
const SWITCHES = new Set(['connectTeam', 'leaveTeam'])

export interface StoreStarter {
  /** Starts the engine on the store the data folder names. */
  start(): Promise<Engine>
  /**
   * Starts it on this desktop's own database, saying why (the session tells the window); null when the
   * store was named by --db or SIEVE_DB, which is never replaced by another.
   */
  startOwn(problem: string): Promise<Engine> | null
}

export async function startSwitchingEngine(starter: StoreStarter): Promise<Engine> {
  const hub = createEventHub()
  let problem: string | null = null
  const open = async (): Promise<Engine> => {
    let engine: Engine
    try {
      engine = await starter.start()
      problem = null
    } catch (error) {
      problem = `The team database could not be opened, so Sieve opened this desktop's own database. ${(error as Error).message ?? String(error)}`
      const own = starter.startOwn(problem)
      if (own === null) throw error
      engine = await own
    }
    engine.subscribe(hub.emit)
    return engine
  }
  let current = open()
  await current

  return {
    async dispatch(name, input, caller) {
      const engine = await current
      const reply = await engine.dispatch(name, input, caller)
      if (reply.ok && typeof name === 'string' && SWITCHES.has(name)) {
        current = engine.close().then(open)
        await current
        // The team database joined (connectTeam answers its name), or none: left, or it could not be opened.
        const team = name === 'connectTeam' && problem === null ? (reply.value as { database: string }).database : null
        hub.emit({ name: 'storeSwitched', payload: { team } })
        if (problem !== null) return { ok: false, error: problem }
      }
      return reply
    },
    subscribe: hub.subscribe,
    close: async () => (await current).close()
  }
}
