// A Sieve process for the crash tests to kill: it imports a file, or decides comments one at a time
// (alternating actions, with undos), printing a line after each step the engine has committed.
import { createEngine } from '../../src/main/engine/engine'
import { RESOURCES_DIR } from './temp-engine-paths'

const [mode, dbPath, arg] = process.argv.slice(2)
const engine = createEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator: 'crash' })
process.stdout.write('ready\n')

async function main(): Promise<void> {
  if (mode === 'import') {
    const report = await engine.importFile(arg)
    process.stdout.write(`imported ${report.added}\n`)
    return
  }
  const ids = (engine.db.prepare("SELECT external_id AS id FROM comments WHERE status = 'pending' ORDER BY id").all() as { id: string }[]).map((row) => row.id)
  for (const [i, id] of ids.entries()) {
    if (i % 10 === 9) {
      const undone = engine.handlers.undo({}) as { batchId: number | null }
      process.stdout.write(`undid ${undone.batchId}\n`)
      continue
    }
    const action = i % 3 === 0 ? 'remove' : 'approve'
    engine.decideByIds([id], action, action === 'remove' ? { clause: 'abusive' } : {})
    process.stdout.write(`decided ${id} ${action}\n`)
  }
}

void main().then(() => engine.close())
