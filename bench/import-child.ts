// Imports one NDJSON file in a process of its own, so the benchmark can read its peak memory.
import { startEngine } from '../src/main/engine/engine'
import { clientOf } from '../src/main/transport/in-process'
import { RESOURCES_DIR } from './paths'

async function main(): Promise<void> {
  const [dbPath, file] = process.argv.slice(2)
  const engine = await startEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator: 'bench' })
  const started = performance.now()
  const report = await clientOf(engine).call('importFile', { path: file, source: 'bench', format: 'ndjson' })
  const ms = performance.now() - started
  await engine.close()
  const landed = report.added + report.updated + report.unchanged
  process.stdout.write(JSON.stringify({ landed, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
}

void main()
