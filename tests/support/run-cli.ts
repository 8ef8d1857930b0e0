import { spawn, spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const TSX = resolve(ROOT, 'node_modules/.bin/tsx')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `npm run -s sieve -- …` the way a person would, as its own process (without npm's overhead). */
export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(TSX, [resolve(ROOT, 'src/main/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/**
 * The same, without blocking this process: for commands that talk to a loopback server the test runs.
 * `input` is written to the command's standard input.
 */
export function runCliAsync(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(TSX, [resolve(ROOT, 'src/main/cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...options.env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })
}
