// Starts one of the engine's worker threads from its module beside this one: the built JavaScript in
// the app, or the TypeScript source through tsx when Sieve runs from source (the CLI, tests, the bench).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'

/** `sourceDir`: the folder of the module's TypeScript source (its caller's __dirname, when run from source). */
export function spawnWorker(module: string, sourceDir: string): Worker {
  // Built, every module is bundled beside this one, each worker an entry of its own.
  const built = join(__dirname, `${module}.js`)
  if (existsSync(built)) return new Worker(built)
  // tsx's loader does not reach worker threads by itself: the worker registers it, then loads the module.
  const tsx = require.resolve('tsx/cjs/api')
  const source = join(sourceDir, `${module}.ts`)
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)})`, { eval: true })
}
