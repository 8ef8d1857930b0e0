// Starts one of the engine's worker threads from its module beside this one: the built JavaScript in
// the app, or the TypeScript source through tsx when Sieve runs from source (the CLI, tests, the bench).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Worker, type ResourceLimits } from 'node:worker_threads'

/**
 * `sourceDir`: the folder of the module's TypeScript source (its caller's __dirname, when run from source).
 * Every worker module is an entry of the main build (electron.vite.config.ts).
 */
export function spawnWorker(module: string, sourceDir: string, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  // Built, each worker is an entry of its own beside the main entry (or the worker that spawns it).
  const built = require.main && join(dirname(require.main.filename), `${module}.js`)
  if (built && existsSync(built)) return new Worker(built, { workerData, resourceLimits })
  // tsx's loader does not reach worker threads by itself: the worker registers it, then loads the module.
  const tsx = require.resolve('tsx/cjs/api')
  const source = join(sourceDir, `${module}.ts`)
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)})`, { eval: true, workerData, resourceLimits })
}
