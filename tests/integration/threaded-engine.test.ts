// The engine on threads of its own, as browser mode and the desktop run it: queries are answered beside
// the router while the writer works, commands and jobs run in the writer, and every change — from this
// engine or from another process — reaches the subscribers as events.
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { EngineEvent } from '../../src/shared/api'
import { startThreadedEngine } from '../../src/main/engine/threads/threaded-engine'
import { clientOf } from '../../src/main/transport/in-process'
import { runCliAsync } from '../support/run-cli'
import { comment, RESOURCES_DIR, tempDir, writeNdjson } from '../support/temp-engine'

async function threaded(dir = tempDir()) {
  const dbPath = join(dir, 'sieve.db')
  const engine = await startThreadedEngine({ dbPath, resourcesDir: RESOURCES_DIR, moderator: 'alice', printer: null })
  onTestFinished(() => engine.close())
  const events: EngineEvent[] = []
  engine.subscribe((event) => events.push(event))
  return { engine, client: clientOf(engine), events, dbPath, dir }
}

/** Waits for an event the engine must send (no time limit of ours: the test's own bounds it). */
function heard(events: EngineEvent[], match: (event: EngineEvent) => boolean): Promise<EngineEvent> {
  return new Promise((resolve) => {
    const look = () => {
      const found = events.find(match)
      if (found) resolve(found)
      else setTimeout(look, 10)
    }
    look()
  })
}

describe('the threaded engine', () => {
  it('answers a queue page while a bulk decision over many comments is still running', async () => {
    const { client, dir } = await threaded()
    const lines = Array.from({ length: 40_000 }, (_, i) => comment(`c${i}`, `comment number ${i} on the story`))
    await client.call('importFile', { path: writeNdjson(dir, 'many.ndjson', lines) })

    const finished: string[] = []
    const bulk = client.call('decide', { filter: { queue: 'review' }, action: 'approve' }).then((result) => {
      finished.push('bulk')
      return result
    })
    // The bulk runs in the writer: a page asked for meanwhile is answered by the reader, first.
    await new Promise((wake) => setTimeout(wake, 20))
    const page = await client.call('queuePage', { filter: { queue: 'all' }, limit: 50 })
    finished.push('page')
    expect(page.rows).toHaveLength(50)
    expect((await bulk).changed).toBe(40_000)
    expect(finished).toEqual(['page', 'bulk'])
  })

  it('tells every subscriber of decisions made here and by the command line in another process', async () => {
    const { client, events, dir, dbPath } = await threaded()
    await client.call('importFile', { path: writeNdjson(dir, 'in.ndjson', [comment('c1', 'first'), comment('c2', 'second')]) })
    const [c1] = await client.call('findComments', { ids: ['c1'] })
    await client.call('decide', { keys: [c1], action: 'approve' })
    expect(await heard(events, (e) => e.name === 'commentsDecided' && e.payload.keys.includes(c1))).toMatchObject({
      payload: { action: 'approve', moderator: 'alice', count: 1 }
    })

    const cli = await runCliAsync(['--db', dbPath, 'act', 'remove', 'c2', '--clause', 'spam', '--moderator', 'bob'])
    expect(cli.code).toBe(0)
    const fromCli = await heard(events, (e) => e.name === 'commentsDecided' && e.payload.moderator === 'bob')
    expect(fromCli).toMatchObject({ payload: { action: 'remove', count: 1 } })
    expect(await heard(events, (e) => e.name === 'countsChanged' && e.payload.removed === 1)).toBeDefined()
  })

  it('runs jobs in the writer and tells their progress and end', async () => {
    const { client, events } = await threaded()
    const lines = Array.from({ length: 1000 }, (_, i) => comment(`c${i}`, `comment ${i}`))
    const { uploadId } = await client.call('uploadBegin', { name: 'comments.ndjson' })
    await client.call('uploadChunk', { uploadId, data: Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n')).toString('base64') })
    const job = await client.call('importUpload', { uploadId })
    const ended = await heard(events, (e) => e.name === 'jobChanged' && e.payload.id === job.id && e.payload.state !== 'running')
    expect(ended).toMatchObject({ payload: { state: 'done', message: expect.stringMatching(/1000 comments landed/) } })
    expect((await client.call('counts', {})).all).toBe(1000)
  })

  it('refuses a window the calls that name files on this machine', async () => {
    const { engine } = await threaded()
    expect(await engine.dispatch('backup', { path: '/tmp/stolen.db' }, 'window')).toMatchObject({ ok: false, error: expect.stringMatching(/only its own tools/) })
    expect(await engine.dispatch('counts', {}, 'window')).toMatchObject({ ok: true })
  })
})
