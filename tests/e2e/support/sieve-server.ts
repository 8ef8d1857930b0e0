// Starts `sieve serve --demo` on a fresh database, as its own process, and hands the test its URL.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../../..')

export interface SieveServer {
  url: string
  dbPath: string
  stop(): Promise<void>
  /** Freezes the server (SIGSTOP, every process of it): requests wait, unanswered, until `resume`. */
  pause(): void
  resume(): void
  /** Kills the server at once (SIGKILL): what it had not answered, it never will. */
  kill(): Promise<void>
}

export async function startSieve(options: { dbPath?: string } = {}): Promise<SieveServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sieve-e2e-'))
  const dbPath = options.dbPath ?? join(dir, 'sieve.db')
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'src/main/cli.ts'), 'serve', '--demo', '--db', dbPath],
    // A process group of its own, so that a signal reaches tsx and the Node process it starts alike.
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
  )
  const running = () => child.exitCode === null && child.signalCode === null
  const exited = new Promise((done) => child.once('exit', done))
  const signal = (name: NodeJS.Signals) => running() && process.kill(-child.pid!, name)
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/)
      if (match) resolveUrl(match[1])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`sieve serve exited (${code}) before printing its URL:\n${output}`)))
  })
  return {
    url,
    dbPath,
    stop: async () => {
      if (running()) {
        signal('SIGCONT')
        child.kill('SIGTERM')
        await exited
      }
      if (!options.dbPath) rmSync(dir, { recursive: true, force: true })
    },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    kill: async () => {
      signal('SIGKILL')
      await exited
    }
  }
}
