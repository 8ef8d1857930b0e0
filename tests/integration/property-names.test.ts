// Untrusted text used as a key (a status, a field name, a scorer name) finds only what Sieve put there:
// "constructor", "__proto__", "toString" and friends are unknown statuses, ordinary field names, no scorer.
// The record that carries one is rejected with its line; the rest of the file lands.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sql } from '../../src/main/engine/database/sql/sql'
import { PROTOTYPE_NAMES } from '../support/hostile'
import { runCli } from '../support/run-cli'
import { comment, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'

function stored(engine: TestEngine): Map<string, { status: string; raw: Record<string, unknown> | null }> {
  const rows = engine.sql.all<{ id: string; status: string; raw: string | null }>(sql`SELECT external_id AS id, upstream_status AS status, raw FROM comments`)
  return new Map(rows.map((row) => [row.id, { status: row.status, raw: row.raw === null ? null : JSON.parse(row.raw) }]))
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

describe('a status named like an object property', () => {
  it('NDJSON: rejects the line, lands the rest, and keeps such field names as fields', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const lines = PROTOTYPE_NAMES.flatMap((name, i) => [
      comment(`bad-${i}`, 'status from the prototype', { status: name }),
      { ...comment(`good-${i}`, 'an ordinary comment'), [name]: `kept ${name}` }
    ])
    const report = await engine.call('importFile', { path: writeNdjson(dir, 'names.ndjson', lines) })
    expect(report.added).toBe(PROTOTYPE_NAMES.length)
    expect(report.rejected).toEqual(PROTOTYPE_NAMES.map((name, i) => ({ line: 2 * i + 1, reason: `status: unknown status "${name}"` })))
    const comments = stored(engine)
    PROTOTYPE_NAMES.forEach((name, i) => {
      expect(comments.get(`good-${i}`)?.status).toBe('pending')
      expect(comments.get(`good-${i}`)?.raw?.[name], name).toBe(`kept ${name}`)
    })
  })

  it('CSV: rejects the row, lands the rest, and keeps such column names in raw', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const rows = PROTOTYPE_NAMES.flatMap((name, i) => [`bad-${i},status from the prototype,${name},x`, `good-${i},an ordinary comment,pending,y`])
    const path = join(dir, 'names.csv')
    writeFileSync(path, ['id,text,status,__proto__', ...rows].join('\n') + '\n')
    const report = await engine.call('importFile', { path: path })
    expect(report.added).toBe(PROTOTYPE_NAMES.length)
    expect(report.rejected).toEqual(
      PROTOTYPE_NAMES.map((name, i) => ({ line: 2 * i + 2, reason: expect.stringContaining(`column "status" "${name}" is not a status Sieve knows`) }))
    )
    expect(JSON.stringify(stored(engine).get('good-0')?.raw)).toBe('{"__proto__":"y"}')
  })

  it('WordPress WXR: rejects the comment, lands the rest, and keeps such fields and meta keys', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const item = (id: string, approved: string, extra = '') =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_content>Text of ${id}</wp:comment_content>` +
      `<wp:comment_approved>${xmlEscape(approved)}</wp:comment_approved>${extra}</wp:comment>`
    const comments = PROTOTYPE_NAMES.flatMap((name, i) => [
      item(`bad-${i}`, name),
      item(`good-${i}`, '1', `<wp:${name}>field ${name}</wp:${name}><wp:commentmeta><wp:meta_key>${name}</wp:meta_key><wp:meta_value>meta ${name}</wp:meta_value></wp:commentmeta>`)
    ])
    const path = join(dir, 'names.wxr')
    writeFileSync(
      path,
      `<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_id>1</wp:post_id>\n${comments.join('\n')}\n</item></channel></rss>\n`
    )
    const report = await engine.call('importFile', { path: path })
    expect(report.added).toBe(PROTOTYPE_NAMES.length)
    expect(report.rejected.map((rejection) => rejection.reason)).toEqual(PROTOTYPE_NAMES.map((name) => `wp:comment_approved "${name}" is not a status Sieve knows`))
    expect(report.rejected.map((rejection) => rejection.line)).toEqual(PROTOTYPE_NAMES.map((_, i) => 2 * i + 3))
    const landed = stored(engine)
    PROTOTYPE_NAMES.forEach((name, i) => {
      const raw = landed.get(`good-${i}`)?.raw as { meta: Record<string, unknown> } & Record<string, unknown>
      expect(raw[name], name).toBe(`field ${name}`)
      expect(Object.getOwnPropertyDescriptor(raw.meta, name)?.value, name).toBe(`meta ${name}`)
    })
  })

  it('Disqus: keeps fields and attributes with such names as fields, and lands every post', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const posts = PROTOTYPE_NAMES.map(
      (name, i) => `<post dsq:id="p${i}" ${name}="attribute"><message>Text of p${i}</message><${name}>field ${name}</${name}><thread dsq:id="t1"/></post>`
    )
    const path = join(dir, 'names.xml')
    writeFileSync(path, `<?xml version="1.0"?>\n<disqus xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="t1"><title>T</title></thread>\n${posts.join('\n')}\n</disqus>\n`)
    const report = await engine.call('importFile', { path: path })
    expect(report).toMatchObject({ added: PROTOTYPE_NAMES.length, rejected: [] })
    PROTOTYPE_NAMES.forEach((name, i) => expect(stored(engine).get(`p${i}`)?.raw?.[name], name).toBe(`field ${name}`))
  })

  it('the command line reports the rejected line and prints no stack trace', () => {
    const dir = tempDir()
    const file = writeNdjson(dir, 'in.ndjson', [comment('c1', 'fine'), comment('c2', 'odd status', { status: 'constructor' }), comment('c3', 'fine too')])
    const result = runCli(['import', file, '--db', join(dir, 'cli.db')])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/2 comments landed: 2 new/)
    expect(result.stdout).toMatch(/line 2: rejected: status: unknown status "constructor"/)
  })
})

describe('a scorer named like an object property', () => {
  it('is no scorer: configuring or running it says so', async () => {
    const engine = await tempEngine()
    for (const name of PROTOTYPE_NAMES) {
      await expect(engine.call('configureScorer', { name, settings: {} }), name).rejects.toThrow(`There is no scorer called "${name}"`)
      await expect(engine.call('score', { scorer: name }), name).rejects.toThrow(`There is no scorer called "${name}"`)
    }
  })
})
