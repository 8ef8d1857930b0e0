// The import reference (bench/references.ts) in a process of its own, as Sieve's import runs, so the
// benchmark can read its peak memory too. Arguments: the schema (JSON), the corpus, the database to make.
import { referenceImport, type Schema } from './references'

async function main(): Promise<void> {
  const [schema, corpus, dbPath] = process.argv.slice(2)
  const started = performance.now()
  const rows = await referenceImport(JSON.parse(schema) as Schema, corpus, dbPath)
  const ms = performance.now() - started
  process.stdout.write(JSON.stringify({ rows, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
}

void main()
