// `sieve --db <db> sync` as a process of its own, started without blocking the test (the logging proxy
// lives in the test's process). One node process with tsx as a loader: the tsx command would run the CLI
// in a grandchild that SIGKILL misses.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

export function startSync(db: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/main/cli.ts'), '--db', db, 'sync'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env }
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: string | null; output: string }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, output }))
  )
  return { child, exited }
}
