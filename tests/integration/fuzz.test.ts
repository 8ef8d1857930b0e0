// Property tests: whatever bytes a file holds and whatever a filter says, the process never crashes —
// input is imported or rejected with a clear error, and nothing already stored is lost.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { filterSchema, parseWhere } from '../../src/shared/filter'
import { UserError } from '../../src/main/engine/errors'
import { FILE_FORMATS } from '../../src/main/engine/sources/files/import-file'
import { PROTOTYPE_NAMES } from '../support/hostile'
import { comment, tempDir, tempEngine, writeNdjson } from '../support/temp-engine'

const RUNS = 60

/** A key as a file might spell it: often one every object inherits ("constructor", "__proto__", …). */
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom('pending', 'approved', 'spam', '1', '0'), fc.string({ maxLength: 12 }))
const tag = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/))

/** Text that looks a little like each format, so the parsers get past their first byte. */
const lookalike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.jsonValue(), { maxLength: 6 }).map((values) => values.map((value) => JSON.stringify(value)).join('\n')),
  fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), { maxLength: 6 }).map((rows) => ['id,text,author', ...rows.map((row) => row.join(','))].join('\n')),
  fc
    .tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }))
    .map(([id, text]) => `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_content>${text}`),
  fc.string({ maxLength: 200 }).map((text) => `<?xml version="1.0"?><disqus><post dsq:id="${text}"><message>${text}`),
  // Statuses and field names that a plain-object lookup table would "find".
  fc
    .array(fc.tuple(key, key, fc.string({ maxLength: 12 })), { maxLength: 6 })
    .map((rows) => rows.map(([status, field, value], i) => JSON.stringify({ id: `k${i}`, text: 'x', status, [field]: value })).join('\n')),
  fc.array(fc.tuple(key, fc.string({ maxLength: 12 })), { maxLength: 6 }).chain((rows) =>
    key.map((header) => ['id,text,status,' + header, ...rows.map(([status, value], i) => `k${i},x,${status},${value}`)].join('\n'))
  ),
  fc
    .array(fc.tuple(key, tag, tag), { maxLength: 4 })
    .map(
      (comments) =>
        '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_id>1</wp:post_id>' +
        comments
          .map(
            ([status, field, metaKey], i) =>
              `<wp:comment><wp:comment_id>k${i}</wp:comment_id><wp:comment_content>x</wp:comment_content><wp:comment_approved>${status.replace(/[<&]/g, '')}</wp:comment_approved>` +
              `<wp:${field}>v</wp:${field}><wp:commentmeta><wp:meta_key>${metaKey}</wp:meta_key><wp:meta_value>v</wp:meta_value></wp:commentmeta></wp:comment>`
          )
          .join('') +
        '</item></channel></rss>'
    ),
  fc
    .array(fc.tuple(tag, tag), { maxLength: 4 })
    .map(
      (posts) =>
        '<?xml version="1.0"?><disqus xmlns:dsq="http://disqus.com/disqus-internals">' +
        posts.map(([field, attribute], i) => `<post dsq:id="k${i}" ${attribute}="a"><message>x</message><${field}>v</${field}></post>`).join('') +
        '</disqus>'
    ),
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
