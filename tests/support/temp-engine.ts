// Engines on real SQLite files in a fresh temporary folder, removed when the test ends.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { createEngine, type Engine, type EngineOptions } from '../../src/main/engine/engine'
import { tempDir } from './temp-dir'
import { RESOURCES_DIR } from './temp-engine-paths'

export { tempDir }

export { RESOURCES_DIR } from './temp-engine-paths'

/** A clock that starts at a fixed time and moves one second per reading, so ordering is testable. */
export function steppingClock(start = '2026-08-17T12:00:00Z'): () => Date {
  let now = Date.parse(start)
  return () => new Date((now += 1000))
}

export function tempEngine(options: Partial<EngineOptions> = {}, dir = tempDir()): Engine {
  const engine = createEngine({
    dbPath: join(dir, 'sieve.db'),
    resourcesDir: RESOURCES_DIR,
    moderator: 'alice',
    now: steppingClock(),
    ...options
  })
  onTestFinished(() => {
    if (engine.db.open) engine.close()
  })
  return engine
}

export function writeNdjson(dir: string, name: string, lines: (object | string)[]): string {
  const path = join(dir, name)
  writeFileSync(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n')
  return path
}

export function comment(id: string, text: string, extra: object = {}) {
  return {
    id,
    text,
    author: { id: `u-${id}`, name: `Reader ${id}` },
    article: { id: 'a1', title: 'Putin lauds North Korean troops', url: 'https://news.example/a1' },
    createdAt: '2026-08-16T10:00:00Z',
    ...extra
  }
}
