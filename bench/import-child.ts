// Imports one NDJSON file in a process of its own, so the benchmark can read its peak memory.
import { createEngine } from '../src/main/engine/engine'
import { RESOURCES_DIR } from './paths'

async function main(): Promise<void> {
  const [dbPath, file] = process.argv.slice(2)
  const engine = createEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator: 'bench' })
  const started = performance.now()
  const report = await engine.importFile(file, { sourceName: 'bench', format: 'ndjson' })
  const ms = performance.now() - started
  engine.close()
  const landed = report.added + report.updated + report.unchanged
  process.stdout.write(JSON.stringify({ landed, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
}

void main()
