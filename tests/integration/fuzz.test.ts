// Property tests: whatever bytes a file holds and whatever a filter says, the process never crashes —
// input is imported or rejected with a clear error, and nothing already stored is lost.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { filterSchema, parseWhere } from '../../src/shared/filter'
import { UserError } from '../../src/main/engine/errors'
import { FILE_FORMATS } from '../../src/main/engine/sources/files/import-file'
import { comment, tempDir, tempEngine, writeNdjson } from '../support/temp-engine'

const RUNS = 60

/** Text that looks a little like each format, so the parsers get past their first byte. */
const lookalike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.jsonValue(), { maxLength: 6 }).map((values) => values.map((value) => JSON.stringify(value)).join('\n')),
  fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), { maxLength: 6 }).map((rows) => ['id,text,author', ...rows.map((row) => row.join(','))].join('\n')),
  fc
    .tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }))
    .map(([id, text]) => `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_content>${text}`),
  fc.string({ maxLength: 200 }).map((text) => `<?xml version="1.0"?><disqus><post dsq:id="${text}"><message>${text}`),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1'))
)

function isClearError(error: unknown): boolean {
  return error instanceof UserError || (error instanceof Error && !(error instanceof TypeError) && !(error instanceof RangeError) && error.message.length > 0)
}

describe('every importer, on random input', () => {
  it('imports or rejects it, keeps what was there, and leaves the database intact', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'base.ndjson', [comment('keep-1', 'stays'), comment('keep-2', 'stays too')]) })
    let file = 0
    await fc.assert(
      fc.asyncProperty(lookalike, fc.constantFrom(undefined, ...FILE_FORMATS), async (content, format) => {
        const path = join(dir, `fuzz-${file++}.txt`)
        writeFileSync(path, content, 'latin1')
        try {
          const report = await engine.call('importFile', { path: path, format })
          expect(report.added + report.updated + report.unchanged + report.rejected.length).toBeGreaterThanOrEqual(0)
        } catch (error) {
          expect(isClearError(error), String(error)).toBe(true)
        }
        const kept = engine.db.prepare("SELECT count(*) AS n FROM comments WHERE external_id IN ('keep-1', 'keep-2')").get()
        expect(kept).toEqual({ n: 2 })
      }),
      { numRuns: RUNS }
    )
    expect(engine.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})

describe('the filter syntax, on random input', () => {
  it('parses into a valid filter or throws an Error naming what is wrong', () => {
    const clause = fc.tuple(
      fc.constantFrom('queue', 'score', 'maxScore', 'toxicity', 'threat', 'reports', 'article', 'search', 'since', 'words', 'bogus', ''),
      fc.constantFrom('=', '<', '<=', '>', '>=', '=='),
      fc.oneof(fc.string({ maxLength: 12 }), fc.double().map(String), fc.constantFrom('review', 'banned', '2026-08-16', 'NaN'))
    )
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(clause, { maxLength: 4 }).map((parts) => parts.map((p) => p.join('')).join(','))), (text) => {
        try {
          expect(filterSchema.safeParse(parseWhere(text)).success).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(Error)
          expect(error).not.toBeInstanceOf(TypeError)
          expect((error as Error).message.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 500 }
    )
  })

  it('turns any valid filter into SQL that runs', async () => {
    const engine = await tempEngine()
    const filter = fc.record(
      {
        queue: fc.constantFrom('review', 'likely', 'reported', 'escalated', 'approved', 'removed', 'disabled', 'all'),
        search: fc.string({ minLength: 1, maxLength: 20 }).filter((text) => text.trim().length > 0),
        score: fc.record({ gte: fc.double({ min: 0, max: 1, noNaN: true }), attribute: fc.constantFrom('TOXICITY', 'THREAT') }, { requiredKeys: [] }),
        article: fc.string({ maxLength: 20 }),
        words: fc.constantFrom('banned', 'suspect', 'any'),
        since: fc.constantFrom('2026-08-16', '2026-08-16T10:00:00Z'),
        addedAfter: fc.nat()
      },
      { requiredKeys: ['queue'] }
    )
    await fc.assert(
      fc.asyncProperty(filter, async (input) => {
        const parsed = filterSchema.parse(input)
        expect(await engine.call('count', { filter: parsed })).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 200 }
    )
  })
})
