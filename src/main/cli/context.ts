// What every command shares: the --db option, the engine it opens (in this process, reached through
// the same typed client as every window), progress bars from the engine's job events, secrets from stdin.
import { dirname, join, resolve } from 'node:path'
import type { Command } from 'commander'
import type { Client, EngineEvent } from '../../shared/api'
import type { JobSnapshot } from '../../shared/model'
import { startEngine, type Engine, type EngineOptions, type StartOptions } from '../engine/engine'
import { UserError } from '../engine/errors'
import { makePrivateDir } from '../engine/private-files'
import { storeLocation, type StoreLocation } from '../paths'
import { chromiumPrinter } from '../pdf/chromium-printer'
import { clientOf } from '../transport/in-process'

export const ROOT = resolve(__dirname, '../../..')
export const RESOURCES_DIR = join(ROOT, 'resources')
export const RENDERER_DIR = join(ROOT, 'out', 'renderer')

/** An engine opened for one command: its client, its events, and closing it. */
export interface Session {
  client: Client
  engine: Engine
  close(): Promise<void>
}

export interface CliContext {
  /** The database the command works on: --db, else $SIEVE_DB, else the app's data directory. */
  location(): StoreLocation
  /** The SQLite file (for a team: this desktop's own data folder). */
  dbPath(): string
  open(moderator?: string, options?: Partial<EngineOptions & StartOptions>): Promise<Session>
  /** Opens the engine, runs `work` with its client, and closes it however `work` ends. */
  withClient<T>(work: (client: Client, session: Session) => Promise<T>, moderator?: string): Promise<T>
}

export function cliContext(program: Command): CliContext {
  const location = () => storeLocation(program.opts<{ db?: string }>().db)
  const dbPath = () => location().dbPath
  const open = async (moderator?: string, options: Partial<EngineOptions & StartOptions> = {}): Promise<Session> => {
    makePrivateDir(dirname(dbPath()))
    const engine = await startEngine({ ...location(), resourcesDir: RESOURCES_DIR, moderator, printToPdf: chromiumPrinter, ...options })
    return { client: clientOf(engine), engine, close: () => engine.close() }
  }
  return {
    location,
    dbPath,
    open,
    async withClient(work, moderator) {
      const session = await open(moderator)
      try {
        return await work(session.client, session)
      } finally {
        await session.close()
      }
    }
  }
}

/**
 * Shows the progress of the jobs a long call starts (a bar on a terminal), and cancels them on Ctrl-C so
 * that what is done is kept and the rest stops cleanly. Returns what the call answered.
 */
export async function whileJobsRun<T>(session: Session, label: string, call: () => Promise<T>): Promise<T> {
  const running = new Set<number>()
  const bar = progressLine(label)
  const stop = session.engine.subscribe((event: EngineEvent) => {
    if (event.name !== 'jobChanged') return
    const job: JobSnapshot = event.payload
    if (job.state === 'running') {
      running.add(job.id)
      if (job.total > 0) bar(job)
    } else running.delete(job.id)
  })
  const cancel = () => {
    for (const jobId of running) void session.client.call('cancelJob', { jobId })
  }
  process.once('SIGINT', cancel)
  try {
    return await call()
  } finally {
    process.off('SIGINT', cancel)
    stop()
  }
}

/** A progress bar on a terminal (nothing when the output goes elsewhere). */
export function progressLine(label: string): (progress: { done: number; total: number }) => void {
  if (!process.stderr.isTTY) return () => {}
  return ({ done, total }) => {
    const width = 30
    const filled = total ? Math.min(width, Math.round((done / total) * width)) : width
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
    if (done >= total) process.stderr.write('\n')
  }
}

/** A secret from standard input (never the command line, where `ps` shows it to every user). */
export async function readSecret(what: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`${what} (then Enter, Ctrl-D): `)
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const secret = Buffer.concat(chunks).toString('utf8').trim()
  if (!secret) throw new UserError(`No ${what.toLowerCase()} on standard input.`)
  return secret
}
