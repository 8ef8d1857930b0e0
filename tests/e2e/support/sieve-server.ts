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

/**
 * `team`: a team database's address and the login's password, instead of a SQLite file with the demo queue.
 * `home`: no --db at all, as a desktop starts: the demo queue in the data folder under `home`, or the team
 * database chosen there in the app.
 */
export async function startSieve(options: { dbPath?: string; team?: { url: string; password: string }; home?: string } = {}): Promise<SieveServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sieve-e2e-'))
  const dbPath = options.dbPath ?? join(options.home ?? dir, options.home ? 'sieve/sieve.db' : 'sieve.db')
  const where = options.team ? ['--db', options.team.url] : options.home ? ['--demo'] : ['--demo', '--db', dbPath]
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'src/main/cli.ts'), 'serve', ...where],
    // A process group of its own, so that a signal reaches tsx and the Node process it starts alike. A
    // team login's password comes as PostgreSQL's own PGPASSWORD; its local files go to the temporary folder.
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: options.team
        ? { ...process.env, PGPASSWORD: options.team.password, XDG_CONFIG_HOME: dir }
        : options.home
          ? { ...process.env, XDG_CONFIG_HOME: options.home }
          : process.env
    }
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
