import { spawnSync } from 'node:child_process'
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
