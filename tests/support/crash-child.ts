// A Sieve process for the crash tests to kill: it imports a file, or decides comments one at a time
// (alternating actions, with undos), printing a line after each step the engine has committed.
import { startEngine } from '../../src/main/engine/engine'
import { openDatabase } from '../../src/main/engine/database/database'
import { clientOf } from '../../src/main/transport/in-process'
import { RESOURCES_DIR } from './temp-engine-paths'

const [mode, dbPath, arg] = process.argv.slice(2)

async function main(): Promise<void> {
  const engine = await startEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator: 'crash' })
  const client = clientOf(engine)
  process.stdout.write('ready\n')
  if (mode === 'import') {
    const report = await client.call('importFile', { path: arg })
    process.stdout.write(`imported ${report.added}\n`)
    return engine.close()
  }
  const db = openDatabase(dbPath).sqlite!
  const rows = db.prepare("SELECT id AS key, external_id AS id FROM comments WHERE status = 'pending' ORDER BY id").all() as { key: number; id: string }[]
  db.close()
  for (const [i, { key, id }] of rows.entries()) {
    if (i % 10 === 9) {
      const undone = await client.call('undo', {})
      process.stdout.write(`undid ${undone.batchId}\n`)
      continue
    }
    const action = i % 3 === 0 ? 'remove' : 'approve'
    await client.call('decide', { keys: [key], action, ...(action === 'remove' ? { clause: 'abusive' } : {}) })
    process.stdout.write(`decided ${id} ${action}\n`)
  }
  return engine.close()
}

void main()
