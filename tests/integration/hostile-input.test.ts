import { sql } from '../../src/main/engine/database/sql/sql'
// The hostile corpus through every importer and every export: what can be stored is stored exactly as
// written (it is text, never markup), what cannot is rejected with its line and reason, and every export
// escapes or quotes it so no spreadsheet or browser runs it.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { BROKEN_NDJSON_LINES, HOSTILE_TEXTS, hostileComments, PWNED_FLAG } from '../support/hostile'
import { tempDir, tempEngine, writeNdjson, decideByIds, type TestEngine } from '../support/temp-engine'

const FORMULA_START = /^[=+\-@\t\r]/

function storedText(engine: TestEngine, id: string): string | undefined {
  return (engine.sql.get(sql`SELECT text FROM comments WHERE external_id = ${id}`) as { text: string } | undefined)?.text
}

/** A report as the command line writes it: a file, read back. */
async function exported(engine: TestEngine, format: 'csv' | 'json' | 'sor', filter?: { from: string; to: string }): Promise<string> {
  const path = join(engine.dir, `export.${format}`)
  await engine.call('writeReport', { filter, format, path })
  return readFileSync(path, 'utf8')
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
// XML 1.0 cannot carry NUL or lone control characters; a real export would not either.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')

describe('hostile comments', () => {
  it('NDJSON: every payload is stored exactly as written; broken lines are rejected with their line numbers', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const comments = hostileComments()
    const file = writeNdjson(dir, 'hostile.ndjson', [...comments, ...BROKEN_NDJSON_LINES, comments[0]])
    const invalidUtf8 = Buffer.concat([readFileSync(file), Buffer.from('{"id":"bad-utf8","text":"caf'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n')])
    writeFileSync(file, invalidUtf8)
    const report = await engine.call('importFile', { path: file })

    // PostgreSQL's text holds no NUL: a team database refuses that one comment, named, and keeps the rest.
    const team = engine.sql.dialect.name === 'postgres'
    const withNul = comments.map((comment, i) => [JSON.stringify(comment).includes('\\u0000'), i + 1] as const).filter(([nul]) => nul && team)
    for (const [, line] of withNul) expect(report.rejected.find((rejection) => rejection.line === line)?.reason).toMatch(/NUL character/)
    expect(report.added).toBe(comments.length + 1 - withNul.length)
    const refused = new Set(withNul.map(([, line]) => `hostile-${Object.keys(HOSTILE_TEXTS)[line - 1]}`))
    for (const [name, text] of Object.entries(HOSTILE_TEXTS)) expect(storedText(engine, `hostile-${name}`), name).toBe(refused.has(`hostile-${name}`) ? undefined : text)
    // Undecodable bytes become U+FFFD, so the rest of the comment is kept and nothing pretends to be valid.
    expect(storedText(engine, 'bad-utf8')).toMatch(/^caf\uFFFD/)
    const rejectedLines = report.rejected.map((rejection) => rejection.line)
    for (let i = 0; i < BROKEN_NDJSON_LINES.length; i++) expect(rejectedLines).toContain(comments.length + i + 1)
    expect(report.rejected.find((rejection) => rejection.line === comments.length + BROKEN_NDJSON_LINES.length + 1)?.reason).toMatch(/already appeared/)
    if (engine.sql.sqlite) expect(engine.sql.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('CSV: every payload is stored exactly as written, formula-looking cells included', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const rows = hostileComments().map((comment) => {
      const { id, text, author } = comment as { id: string; text: string; author: { name: string } }
      // eslint-disable-next-line no-control-regex -- CSV cannot carry NUL
      return [id, text.replace(/\u0000/g, ''), author.name]
    })
    const path = join(dir, 'hostile.csv')
    writeFileSync(path, stringify([['id', 'text', 'author'], ...rows]))
    const report = await engine.call('importFile', { path: path, format: 'csv' })
    expect(report.added).toBe(rows.length)
    for (const [id, text] of rows) expect(storedText(engine, id), id).toBe(text)
  })

  it('WordPress WXR and Disqus XML: the markup in comments becomes plain text; nothing of it stays as a tag', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const entries = Object.entries(HOSTILE_TEXTS).filter(([name]) => name !== 'megabyte')
    const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<item><title>${xml('<script>x</script>Story')}</title><link>javascript:alert(1)</link><wp:post_id>1</wp:post_id>
${entries
  .map(
    ([name, text], i) => `<wp:comment><wp:comment_id>${i + 1}</wp:comment_id><wp:comment_author>${xml(xmlSafe(`<b onmouseover="x">${name}</b>`))}</wp:comment_author>
<wp:comment_date_gmt>2026-08-16 10:00:00</wp:comment_date_gmt><wp:comment_content>${xml(xmlSafe(text))}</wp:comment_content>
<wp:comment_approved>0</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>`
  )
  .join('\n')}
</item></channel></rss>`
    const disqus = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
<thread dsq:id="t1"><link>javascript:alert(1)</link><title>${xml('<img src=x onerror=alert(1)>')}</title></thread>
${entries
  .map(
    ([name, text], i) => `<post dsq:id="p${i}"><message>${xml(xmlSafe(text))}</message><createdAt>2026-08-16T10:00:00Z</createdAt>
<isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>${xml(name)}</name></author><thread dsq:id="t1" /></post>`
  )
  .join('\n')}
</disqus>`
    writeFileSync(join(dir, 'hostile.wxr.xml'), wxr)
    writeFileSync(join(dir, 'hostile-disqus.xml'), disqus)
    const fromWxr = await engine.call('importFile', { path: join(dir, 'hostile.wxr.xml'), format: 'wxr', source: 'wxr' })
    const fromDisqus = await engine.call('importFile', { path: join(dir, 'hostile-disqus.xml'), format: 'disqus', source: 'disqus' })
    expect(fromWxr.added + fromWxr.rejected.length).toBe(entries.length)
    expect(fromDisqus.added + fromDisqus.rejected.length).toBe(entries.length)
    // Markup that is all there is (a script, an image, an iframe) leaves no text: refused as empty.
    expect(fromWxr.added).toBeGreaterThan(entries.length - 5)
    // HTML nested thousands deep is refused on its own, saying why; everything else lands.
    const deep = entries.findIndex(([name]) => name === 'deepNesting')
    for (const [report, id] of [[fromWxr, String(deep + 1)], [fromDisqus, `p${deep}`]] as const) {
      expect(report.rejected).toContainEqual({ line: expect.any(Number), reason: expect.stringMatching(/HTML nests elements more than 100 deep/) })
      expect(storedText(engine, id), id).toBeUndefined()
    }
    // No real tag survives. Text that merely reads like one stays, as text: entities the author escaped
    // (&lt;script&gt;), and a link's address, which is shown after its words ("free money [data:…]").
    entries.forEach(([name], i) => {
      if (name === 'htmlEntities' || name === 'dataLink') return
      for (const id of [String(i + 1), `p${i}`]) expect(storedText(engine, id) ?? '', `${name} (${id})`).not.toMatch(/<(script|img|svg|iframe|a)\b|on(error|load)=/i)
    })
  })

  it('every export escapes formulas, stays valid JSON, and the HTML report shows markup as text', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    await engine.call('importFile', { path: writeNdjson(dir, 'hostile.ndjson', hostileComments()) })
    // (A team database refuses the comment with a NUL in it: see the NDJSON test.)
    const names = Object.keys(HOSTILE_TEXTS).filter((name) => engine.sql.dialect.name !== 'postgres' || !HOSTILE_TEXTS[name as keyof typeof HOSTILE_TEXTS].includes('\u0000'))
    const ids = names.map((name) => `hostile-${name}`)
    await decideByIds(engine, ids, 'remove', { clause: 'abusive', note: `=HYPERLINK("http://evil.example") <script>${PWNED_FLAG}=1</script>` })

    const csv = await exported(engine, 'csv')
    const cells = (parse(csv) as string[][]).flat()
    expect(cells.length).toBeGreaterThan(ids.length * 5)
    for (const cell of cells) expect(FORMULA_START.test(cell), JSON.stringify(cell.slice(0, 40))).toBe(false)

    const json = JSON.parse(await exported(engine, 'json')) as { note: string }[]
    expect(json).toHaveLength(ids.length)
    expect(json[0].note).toContain('<script>')

    const day = { from: '2026-01-01', to: '2027-12-31' }
    const html = (await engine.call('exportReport', { filter: day, format: 'html' })).content
    expect(html).not.toMatch(new RegExp(`<script[^>]*>[^<]*${PWNED_FLAG}`))
    expect(html).not.toMatch(/<img[^>]+onerror/i)
    expect(html).toContain('&lt;script&gt;')

    const statements = await exported(engine, 'sor', day)
    expect(() => JSON.parse(statements)).not.toThrow()
    expect(statements).not.toContain(PWNED_FLAG) // statements carry no comment text or names
  })
})
