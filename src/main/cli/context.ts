// What every command shares: the --db option, the engine it opens, progress bars, secrets from stdin.
import { dirname, join, resolve } from 'node:path'
import type { Command } from 'commander'
import { createEngine, type Engine, type EngineOptions } from '../engine/engine'
import { UserError } from '../engine/errors'
import { makePrivateDir } from '../engine/private-files'
import { describeImport } from '../engine/sources/describe-import'
import type { ImportReport } from '../engine/sources/import-report'
import { defaultDbPath } from '../paths'
import { chromiumPrinter } from '../pdf/chromium-printer'

export const ROOT = resolve(__dirname, '../../..')
export const RESOURCES_DIR = join(ROOT, 'resources')
export const RENDERER_DIR = join(ROOT, 'out', 'renderer')

export interface CliContext {
  /** The database the command works on: --db, else $SIEVE_DB, else the app's data directory. */
  dbPath(): string
  openEngine(moderator?: string, options?: Partial<EngineOptions>): Engine
}

export function cliContext(program: Command): CliContext {
  const dbPath = () => resolve(program.opts<{ db?: string }>().db ?? defaultDbPath())
  return {
    dbPath,
    openEngine(moderator, options = {}) {
      const path = dbPath()
      makePrivateDir(dirname(path))
      return createEngine({ dbPath: path, resourcesDir: RESOURCES_DIR, moderator, printToPdf: chromiumPrinter, ...options })
    }
  }
}

export function printImport(report: ImportReport): void {
  console.log(describeImport(report, Infinity))
}

/** A progress bar on a terminal (nothing when the output goes elsewhere). */
export function progressLine<P = { done: number; total: number }>(
  label: string,
  read: (progress: P) => { done: number; total: number } = (progress) => progress as { done: number; total: number }
): (progress: P) => void {
  if (!process.stderr.isTTY) return () => {}
  return (progress) => {
    const { done, total } = read(progress)
    const width = 30
    const filled = total ? Math.round((done / total) * width) : width
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
