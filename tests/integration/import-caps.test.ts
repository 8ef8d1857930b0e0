// What one record of an untrusted file may cost: each format caps a record (an NDJSON line, a CSV record,
// an XML record and its runs of text), and a record over its cap is rejected by its line, naming the cap,
// while the rest of the file lands. Uploads from browser mode have a size cap and expire when abandoned.
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sql } from '../../src/main/engine/database/sql/sql'
import { comment, tempDir, tempEngine, writeNdjson, type TestEngine } from '../support/temp-engine'

/** Past every 8,000,000-character cap. */
const OVER_CAP = 'x'.repeat(8_100_000)

const ids = (engine: TestEngine) => engine.sql.all<{ id: string }>(sql`SELECT external_id AS id FROM comments ORDER BY external_id`).map((row) => row.id)

describe('record caps', () => {
  it('NDJSON: a line over the cap is rejected by its number, naming the cap; the lines after it land', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const file = writeNdjson(dir, 'big.ndjson', [comment('before', 'fine'), `{"id": "huge", "text": "${OVER_CAP}"}`, comment('after', 'fine too')])
    // A last line with no line break at all, over the cap too.
    writeFileSync(file, `${OVER_CAP}`, { flag: 'a' })
    const report = await engine.call('importFile', { path: file })
    expect(report.rejected).toEqual([
      { line: 2, reason: expect.stringMatching(/^the line is longer than 8,000,000 characters \(the NDJSON line cap\)/) },
      { line: 4, reason: expect.stringMatching(/the NDJSON line cap/) }
    ])
    expect(ids(engine)).toEqual(['after', 'before'])
  })

  it('CSV: a record over the cap is rejected by the line it starts on; later rows keep their own line numbers', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const path = join(dir, 'big.csv')
    writeFileSync(path, ['id,text', 'before,fine', `huge,"first line\n${OVER_CAP}\nlast line"`, 'after,fine too', 'no-text,', ''].join('\n'))
    const report = await engine.call('importFile', { path: path })
    expect(report.rejected).toEqual([
      { line: 3, reason: expect.stringMatching(/^the record is longer than 8,000,000 characters \(the CSV record cap/) },
      { line: 7, reason: expect.stringMatching(/column "text" is empty/) }
    ])
    expect(ids(engine)).toEqual(['after', 'before'])
  })

  it('CSV: a quote that is never closed costs the cap, not the rest of the file', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const path = join(dir, 'unclosed.csv')
    writeFileSync(path, ['id,text', 'before,fine', `open,"never closed ${OVER_CAP}`, 'after,"swallowed"', ''].join('\n'))
    const report = await engine.call('importFile', { path: path })
    expect(report.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/the CSV record cap; an unclosed quote\?/) }])
    expect(ids(engine)).toEqual(['before'])
  })

  it('XML: a record over the text or element cap is rejected by its line; the next one lands', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const wxrComment = (id: string, inside: string) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_content>Text of ${id}</wp:comment_content>${inside}</wp:comment>`
    const half = 'y'.repeat(4_100_000)
    const path = join(dir, 'big.wxr')
    writeFileSync(
      path,
      [
        '<?xml version="1.0"?>',
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_id>1</wp:post_id>',
        wxrComment('before', ''),
        // Each run under the cap, together over it.
        wxrComment('texty', `<wp:a>${half}</wp:a><wp:b>${half}</wp:b>`),
        wxrComment('crowded', '<wp:x/>'.repeat(10_001)),
        wxrComment('after', ''),
        '</item></channel></rss>'
      ].join('\n')
    )
    const report = await engine.call('importFile', { path: path })
    expect(report.rejected).toEqual([
      { line: 4, reason: 'the <comment> holds more than 8,000,000 characters of text (the XML record cap); it was skipped' },
      { line: 5, reason: 'the <comment> holds more than 10,000 elements (the XML record cap); it was skipped' }
    ])
    expect(ids(engine)).toEqual(['after', 'before'])
  })

  it('XML: one run of text over the cap ends the import at its record, keeping what landed before', async () => {
    const dir = tempDir()
    const engine = await tempEngine({}, dir)
    const path = join(dir, 'run.xml')
    writeFileSync(
      path,
      [
        '<?xml version="1.0"?>',
        '<disqus xmlns:dsq="http://disqus.com/disqus-internals">',
        '<post dsq:id="before"><message>fine</message></post>',
        `<post dsq:id="huge"><message><![CDATA[${OVER_CAP}${'x'.repeat(500_000)}]]></message></post>`,
        '<post dsq:id="after"><message>fine</message></post>',
        '</disqus>'
      ].join('\n')
    )
    const report = await engine.call('importFile', { path: path })
    expect(report.rejected).toEqual([
      { line: 4, reason: expect.stringMatching(/^the <post> on this line holds a run of text, CDATA, comment or attribute longer than 8,000,000 characters \(the XML text cap\); nothing after this line was read$/) }
    ])
    expect(ids(engine)).toEqual(['before'])
  })
})

describe('uploads from browser mode', () => {
  const uploadFolders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('sieve-uploads-')))

  it('refuses a file over the size cap and keeps nothing of it', async () => {
    const engine = await tempEngine({ uploadLimits: { maxBytes: 1024 * 1024 } })
    const { uploadId } = await engine.call('uploadBegin', { name: 'big.ndjson' })
    // Chunks as the app sends them (at most 512 KiB each).
    const chunk = Buffer.alloc(400 * 1024, 'a').toString('base64')
    expect(await engine.call('uploadChunk', { uploadId, data: chunk })).toEqual({ bytes: 400 * 1024 })
    expect(await engine.call('uploadChunk', { uploadId, data: chunk })).toEqual({ bytes: 800 * 1024 })
    await expect(engine.call('uploadChunk', { uploadId, data: chunk })).rejects.toThrow('The file is larger than 1 MiB (the upload cap); nothing of it was kept.')
    await expect(engine.call('importUpload', { uploadId })).rejects.toThrow(/unknown, finished, or was abandoned/)
  })

  it('removes an upload nobody finished once it has been idle too long, and bounds how many are open', async () => {
    let now = 0
    const before = uploadFolders()
    const engine = await tempEngine({ uploadLimits: { idleMs: 60_000, maxOpen: 2, clock: () => now } })
    const { uploadId } = await engine.call('uploadBegin', { name: 'left.csv' })
    await engine.call('uploadChunk', { uploadId, data: Buffer.from('id,text\n1,hello\n').toString('base64') })
    const [folder] = [...uploadFolders()].filter((name) => !before.has(name))
    const files = () => readdirSync(join(tmpdir(), folder))
    expect(files()).toEqual([`${uploadId}.csv`])
    await engine.call('uploadBegin', { name: 'second.csv' })
    await expect(engine.call('uploadBegin', { name: 'third.csv' })).rejects.toThrow('2 uploads are already under way')

    now += 61_000 // the tab was closed: nothing more arrives
    const { uploadId: fresh } = await engine.call('uploadBegin', { name: 'fresh.csv' })
    expect(files()).toEqual([`${fresh}.csv`])
    await expect(engine.call('uploadChunk', { uploadId, data: 'AAAA' })).rejects.toThrow(/was abandoned/)
    await engine.close()
    expect(existsSync(join(tmpdir(), folder))).toBe(false)
  })
})
