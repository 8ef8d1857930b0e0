// The desktop's split: the engine in a process of its own, the main process relaying over one message
// port. Electron's utilityProcess and MessageChannelMain cannot run here; Node's MessageChannel stands in
// for the port (named portStandIn below), with the real engine behind it on its own threads.
import { join } from 'node:path'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { EngineEvent } from '../../src/shared/api'
import { startThreadedEngine } from '../../src/main/engine/threads/threaded-engine'
import type { PrintRequest } from '../../src/main/engine/reports/pdf'
import { engineOverPort, serveEngineOverPort, type Port } from '../../src/main/transport/engine-port'
import { reportFixture, WHOLE_PERIOD } from '../support/report-fixture'
import { comment, RESOURCES_DIR, tempDir, writeNdjson } from '../support/temp-engine'

/** A stand-in for Electron's MessagePortMain: Node's MessagePort, adapted the same way index.ts adapts it. */
function portStandIn(port: MessagePort): Port {
  return { post: (message) => port.postMessage(message), listen: (handle) => port.on('message', handle), close: () => port.close() }
}

async function split(dbPath: string) {
  const { port1, port2 } = new MessageChannel()
  const printed: PrintRequest[] = []
  // The main process's printer (Electron's printToPDF there): a recording stand-in.
  const mainPrinter = async (request: PrintRequest) => (printed.push(request), Buffer.from('%PDF-stand-in'))
  const relay = engineOverPort(portStandIn(port1), mainPrinter)
  // The engine's process: threads of its own, printing through the relay.
  let printer: ((request: PrintRequest) => Promise<Buffer>) | null = null
  const engine = await startThreadedEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator: 'alice', printer: 'router', printToPdf: (r) => printer!(r) })
  printer = serveEngineOverPort(engine, portStandIn(port2)).printer
  portStandIn(port2).post({ type: 'ready' })
  const main = await relay
  onTestFinished(() => main.close())
  return { main, printed }
}

describe('the engine in a process of its own', () => {
  it('answers the windows through the relay, tells them every event, and refuses them the local calls', async () => {
    const dir = tempDir()
    const { main } = await split(join(dir, 'sieve.db'))
    const events: EngineEvent[] = []
    main.subscribe((event) => events.push(event))
    expect(await main.dispatch('importFile', { path: writeNdjson(dir, 'in.ndjson', [comment('c1', 'hello')]) }, 'window')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only its own tools/)
    })
    expect(await main.dispatch('importFile', { path: writeNdjson(dir, 'in.ndjson', [comment('c1', 'hello')]) }, 'local')).toMatchObject({ ok: true })
    const page = (await main.dispatch('queuePage', { filter: { queue: 'review' } }, 'window')) as { ok: true; value: { rows: { key: number }[] } }
    await main.dispatch('decide', { keys: [page.value.rows[0].key], action: 'approve' }, 'window')
    await expect.poll(() => events.some((event) => event.name === 'commentsDecided')).toBe(true)
  })

  it('prints a report through the main process, where Electron can print', async () => {
    const { dbPath } = await reportFixture()
    const { main, printed } = await split(dbPath)
    const reply = (await main.dispatch('exportReport', { filter: WHOLE_PERIOD, format: 'pdf' }, 'window')) as { ok: true; value: { content: string } }
    expect(reply.ok).toBe(true)
    expect(Buffer.from(reply.value.content, 'base64').toString()).toBe('%PDF-stand-in')
    expect(printed).toHaveLength(1)
    expect(printed[0].html).toContain('Moderation report')
  })
})
