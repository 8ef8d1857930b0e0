// The file importers (NDJSON, CSV, WordPress WXR, Disqus) against realistic sample files, on real
// SQLite files: what lands, what is refused and on which line, re-imports, detection, progress, cancel.
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { ensureSource } from '../../src/main/engine/sources/store/comments'
import { openDatabase, type Db } from '../../src/main/engine/database/database'
import { describeImport } from '../../src/main/engine/sources/describe-import'
import { detectFormat } from '../../src/main/engine/sources/files/detect-format'
import { importFile, type ImportFileOptions, type ImportProgress } from '../../src/main/engine/sources/files/import-file'
import { tempDir } from '../support/temp-dir'

const FIXTURES = resolve(__dirname, '../fixtures/import')
const WXR = join(FIXTURES, 'wordpress.wxr.xml')
const DISQUS = join(FIXTURES, 'disqus-export.xml')
const CSV = join(FIXTURES, 'comments.csv')
const now = () => new Date('2026-08-17T12:00:00Z')

function tempDb(dir = tempDir()): { db: Db; sourceId: number; dir: string } {
  const db = openDatabase(join(dir, 'sieve.db'))
  onTestFinished(() => {
    db.close()
  })
  return { db, sourceId: ensureSource(db, 'file', 'Imported file', now()), dir }
}

async function run(db: Db, sourceId: number, path: string, options: Partial<ImportFileOptions> = {}) {
  return importFile(db, sourceId, path, { now, ...options })
}

interface Row {
  id: string
  text: string
  status: string
  parent: string | null
  createdAt: string | null
  reports: number
  raw: Record<string, unknown> | null
  articleId: string | null
  title: string | null
  url: string | null
  authorId: string | null
  author: string | null
}

function rows(db: Db): Map<string, Row> {
  const all = db
    .sqlite!.prepare<[], Omit<Row, 'raw'> & { raw: string | null }>(
      `SELECT c.external_id AS id, c.text, c.upstream_status AS status, c.parent_external_id AS parent,
              c.created_at AS createdAt, c.reports, c.raw, a.external_id AS articleId, a.title, a.url,
              au.external_id AS authorId, au.name AS author
       FROM comments c LEFT JOIN articles a ON a.id = c.article_id LEFT JOIN authors au ON au.id = c.author_id`
    )
    .all()
  return new Map(
    all.map((row) => [row.id, { ...row, raw: row.raw === null ? null : (JSON.parse(row.raw) as Record<string, unknown>) }])
  )
}

const PUTIN = {
  title: "'Heroic Participation': Putin Lauds North Korean Troops Fighting In Ukraine In Letter To Kim",
  url: 'https://news.example/world/putin-lauds-north-korean-troops/'
}
const FLOODS = { title: 'Monsoon floods: what we know so far', url: 'https://news.example/india/monsoon-floods-what-we-know/' }

/** A WXR file with `comments` comments spread over posts of 100, written line by line. */
function writeBigWxr(path: string, comments: number): void {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ',
    'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Big</title>\n'
  ]
  for (let i = 0; i < comments; i++) {
    if (i % 100 === 0) {
      if (i > 0) parts.push('</item>\n')
      const post = i / 100
      parts.push(
        `<item>\n<title>Post ${post}</title>\n<link>https://news.example/p/${post}</link>\n<wp:post_id>${post}</wp:post_id>\n`
      )
    }
    parts.push(
      `<wp:comment>\n<wp:comment_id>${i}</wp:comment_id>\n<wp:comment_author><![CDATA[Reader ${i % 5000}]]></wp:comment_author>\n` +
        `<wp:comment_author_email>reader${i % 5000}@mail.example</wp:comment_author_email>\n` +
        `<wp:comment_date_gmt>2026-08-16 10:00:00</wp:comment_date_gmt>\n` +
        `<wp:comment_content><![CDATA[<p>Comment number ${i} about the <em>story</em>.</p>\nSecond line.]]></wp:comment_content>\n` +
        `<wp:comment_approved>${i % 3 === 0 ? '0' : '1'}</wp:comment_approved>\n<wp:comment_parent>${i % 10 === 0 ? 0 : i - 1}</wp:comment_parent>\n` +
        `<wp:comment_user_id>0</wp:comment_user_id>\n</wp:comment>\n`
    )
  }
  parts.push('</item>\n</channel>\n</rss>\n')
  writeFileSync(path, parts.join(''))
}

describe('importing a WordPress WXR export', () => {
  it('lands every good comment with its post, author, parent, status and plain text', async () => {
    const { db, sourceId } = tempDb()
    const report = await run(db, sourceId, WXR)
    expect(report).toMatchObject({ format: 'wxr', added: 7, updated: 0, unchanged: 0, cancelled: false })
    const comments = rows(db)
    expect([...comments.keys()].sort()).toEqual(['501', '502', '503', '504', '601', '602', '603'])
    expect(Object.fromEntries([...comments.values()].map((c) => [c.id, c.status]))).toEqual({
      '501': 'approved',
      '502': 'approved',
      '503': 'pending',
      '504': 'removed',
      '601': 'approved',
      '602': 'removed',
      '603': 'pending'
    })

    const first = comments.get('501')!
    expect(first).toMatchObject({
      articleId: '101',
      ...PUTIN,
      author: 'Kim Min-jun',
      parent: null,
      createdAt: '2026-08-15T06:02:11.000Z',
      reports: 0
    })
    // Typed paragraphs stay paragraphs; markup goes.
    expect(first.text).toBe(
      'Releasing this on 15 August is deliberate.\n\nLiberation Day is the one date both Koreas still share, and Pyongyang ' +
        'is using it to wrap a soldiers-for-cash deal in anti-Japanese nostalgia.'
    )
    expect(first.authorId).toMatch(/^email:[0-9a-f]{16}$/)
    expect(first.raw).toMatchObject({
      email: 'minjun.kim@mail.example',
      url: 'https://minjun.example',
      ip: '203.0.113.17',
      type: 'comment',
      meta: { akismet_result: 'false', akismet_history: expect.stringContaining('check-ham') },
      html: expect.stringContaining('<em>anti-Japanese nostalgia</em>')
    })

    // A reply by a registered user; entities decoded; the link target kept visible.
    expect(comments.get('502')).toMatchObject({
      parent: '501',
      authorId: 'user:3',
      author: 'World Desk',
      text: 'Thanks & good point. The explainer on Liberation Day [https://news.example/world/liberation-day-explained/] has more background.'
    })
    expect(comments.get('503')!.text).toBe('Anyone who believes this "news" is an idiot.\n\nWake up!')
    // Hostile markup is converted, never kept as markup in the text.
    const spam = comments.get('504')!
    expect(spam.text).toBe('Great post!!! Buy replica watches [https://watches.example/?ref=news] at 90% off')
    expect(spam.raw).toMatchObject({ html: expect.stringContaining('<script>'), meta: { akismet_result: 'true' } })
    expect(comments.get('601')).toMatchObject({
      articleId: '102',
      ...FLOODS,
      text: 'Stay safe everyone in Guwahati. Relief camp numbers:\nWard 4: community hall\nWard 9: the high school'
    })
    expect(comments.get('601')!.raw).not.toHaveProperty('html')
    // A guest without email is known by name: the same name gives the same stable id.
    expect(comments.get('602')).toMatchObject({ parent: '601', author: 'Rahul', authorId: expect.stringMatching(/^name:/) })
    expect(comments.get('603')).toMatchObject({
      text: '[…] live map of the flooded districts, via News Example […]',
      raw: expect.objectContaining({ type: 'pingback' })
    })
  })

  it('reports each bad comment with the line its <wp:comment> starts on and why', async () => {
    const { db, sourceId } = tempDb()
    const { rejected } = await run(db, sourceId, WXR)
    expect(rejected).toEqual([
      { line: 141, reason: expect.stringMatching(/wp:comment_date_gmt "yesterday" is not a date/) },
      { line: 221, reason: 'wp:comment_content is empty' },
      { line: 235, reason: 'wp:comment_id is missing' },
      { line: 244, reason: expect.stringMatching(/wp:comment_approved "maybe" is not a status/) },
      { line: 253, reason: 'id "501" already appeared on line 71' }
    ])
    const lines = readFileSync(WXR, 'utf8').split('\n')
    for (const { line } of rejected) expect(lines[line - 1].trim()).toBe('<wp:comment>')
  })

  it('holds comments that come before their post id until the post ends', async () => {
    const { db, sourceId, dir } = tempDb()
    const file = join(dir, 'odd.xml')
    writeFileSync(
      file,
      '<rss xmlns:wp="http://wordpress.org/export/1.1/"><channel><item>\n' +
        '<wp:comment><wp:comment_id>9</wp:comment_id><wp:comment_content>early</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>\n' +
        '<title>Late title</title><wp:post_id>77</wp:post_id></item></channel></rss>\n'
    )
    expect(await run(db, sourceId, file)).toMatchObject({ added: 1, rejected: [] })
    expect(rows(db).get('9')).toMatchObject({ articleId: '77', title: 'Late title', text: 'early', author: null })
  })

  it('imports a comment without <wp:comment_approved> as pending, and says so in the report', async () => {
    const { db, sourceId, dir } = tempDb()
    const file = join(dir, 'no-status.xml')
    // As in WordPress's own importer test data: comments with no status at all.
    writeFileSync(
      file,
      '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_id>5</wp:post_id>\n' +
        '<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>no status here</wp:comment_content></wp:comment>\n' +
        '<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_content>approved</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>\n' +
        '</item></channel></rss>\n'
    )
    const report = await run(db, sourceId, file)
    expect(report).toMatchObject({ added: 2, rejected: [], notes: [{ line: 2, note: expect.stringMatching(/no <wp:comment_approved>: imported as pending/) }] })
    expect(rows(db).get('1')).toMatchObject({ status: 'pending', text: 'no status here' })
    expect(rows(db).get('2')).toMatchObject({ status: 'approved' })
    expect(describeImport(report)).toMatch(/^line 2: no <wp:comment_approved>: imported as pending, to be reviewed$/m)
  })

  it('keeps what came before an XML syntax error and names the line it stopped on', async () => {
    const { db, sourceId, dir } = tempDb()
    const file = join(dir, 'broken.xml')
    const good = readFileSync(WXR, 'utf8').split('\n').slice(0, 140).join('\n')
    writeFileSync(file, `${good}\n<wp:comment><wp:comment_id>7</wp:comment_idd>\n</wp:comment></item></channel></rss>\n`)
    const report = await run(db, sourceId, file, { format: 'wxr' })
    expect(report.added).toBe(4)
    expect(report.rejected).toEqual([
      {
        line: 141,
        reason: expect.stringMatching(/not well-formed XML \(unexpected close tag\.\); nothing after this line was read/)
      }
    ])
  })

  it('refuses RSS that is not a WordPress export', async () => {
    const { db, sourceId, dir } = tempDb()
    const file = join(dir, 'feed.xml')
    writeFileSync(file, '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')
    await expect(run(db, sourceId, file, { format: 'wxr' })).rejects.toThrow(
      /not a WordPress WXR export: its root element is <feed>/
    )
  })
})

describe('importing a Disqus export', () => {
  it('lands posts with their thread, author, parent and status, as plain text', async () => {
    const { db, sourceId } = tempDb()
    const report = await run(db, sourceId, DISQUS)
    expect(report).toMatchObject({ format: 'disqus', added: 7, cancelled: false })
    const comments = rows(db)
    expect([...comments.keys()].sort()).toEqual(['7700001', '7700002', '7700003', '7700004', '7700005', '7700006', '7700010'])
    expect(comments.get('7700001')).toMatchObject({
      articleId: '9100001',
      ...PUTIN,
      status: 'approved',
      authorId: 'disqus:minjunkim',
      author: 'Kim Min-jun',
      createdAt: '2026-08-15T06:02:11.000Z',
      text: 'Releasing this on 15 August is deliberate.\n\nLiberation Day is the one date both Koreas still share & Pyongyang knows it.',
      raw: { username: 'minjunkim', html: expect.stringContaining('<p>Releasing') }
    })
    expect(comments.get('7700002')).toMatchObject({
      parent: '7700001',
      text: 'Agreed. See our explainer [https://news.example/world/liberation-day-explained/]\nfor the background.',
      raw: expect.objectContaining({ identifier: 'wp_id=502' })
    })
    expect(comments.get('7700003')).toMatchObject({ status: 'removed', raw: expect.objectContaining({ isSpam: true }) })
    expect(comments.get('7700003')!.text).toBe('Buy replica watches at 90% off: https://watches.example/?ref=dsq')
    expect(comments.get('7700004')).toMatchObject({
      status: 'removed',
      parent: '7700001',
      authorId: expect.stringMatching(/^email:/),
      raw: expect.objectContaining({
        isDeleted: true,
        isAnonymous: true,
        email: 'angry.reader@mail.example',
        ipAddress: '192.0.2.44'
      })
    })
    expect(comments.get('7700005')).toMatchObject({
      articleId: '9100002',
      ...FLOODS,
      authorId: expect.stringMatching(/^name:/),
      text: 'Stay safe everyone in Guwahati.\n\nRelief camps:\nWard 4: community hall\nWard 9: the high school'
    })
    expect(comments.get('7700006')).toMatchObject({ parent: '7700005', text: 'yeh sab sarkar ki galti hai <3 😢' })
  })

  it('reports each bad post with the line its <post> starts on and why', async () => {
    const { db, sourceId } = tempDb()
    const { rejected } = await run(db, sourceId, DISQUS)
    expect(rejected).toEqual([
      { line: 121, reason: expect.stringMatching(/<createdAt> "16\/08\/2026 05:00" is not a date/) },
      { line: 133, reason: '<message> is empty' },
      { line: 145, reason: "the post's dsq:id is missing" }
    ])
  })
})

describe('importing CSV', () => {
  it('guesses the mapping from the headers and lands good rows, keeping unmapped columns in raw', async () => {
    const { db, sourceId } = tempDb()
    const report = await run(db, sourceId, CSV)
    expect(report).toMatchObject({
      format: 'csv',
      added: 7,
      csvMapping: {
        id: 'comment_id',
        text: 'body',
        authorName: 'author',
        authorEmail: 'author_email',
        articleId: 'post_id',
        articleTitle: 'post_title',
        articleUrl: 'post_url',
        parentId: 'parent_id',
        createdAt: 'created_at',
        status: 'status',
        reports: 'reports'
      }
    })
    const comments = rows(db)
    expect([...comments.keys()].sort()).toEqual(['c-1001', 'c-1002', 'c-1003', 'c-1004', 'c-1005', 'c-1006', 'c-1012'])
    expect(comments.get('c-1001')).toMatchObject({
      articleId: 'a1',
      ...PUTIN,
      author: 'Kim Min-jun',
      authorId: expect.stringMatching(/^email:/),
      status: 'approved',
      raw: { author_email: 'minjun.kim@mail.example', source_ip: '203.0.113.17' }
    })
    // A quoted cell over three lines, its CRLFs made LFs and its doubled quotes undone.
    expect(comments.get('c-1002')).toMatchObject({
      parent: 'c-1001',
      createdAt: '2026-08-15T06:40:00.000Z',
      text: 'Good point.\n\nOur explainer has the "full" background.'
    })
    expect(comments.get('c-1003')).toMatchObject({
      status: 'pending',
      reports: 4,
      createdAt: '2026-08-15T06:15:42.000Z',
      authorId: expect.stringMatching(/^name:/)
    })
    expect(comments.get('c-1004')).toMatchObject({ status: 'removed', ...FLOODS, raw: null })
    expect(comments.get('c-1006')).toMatchObject({ status: 'removed', parent: 'c-1005', reports: 2 })
  })

  it("reports bad rows on the file's own lines, past multi-line cells and blank lines", async () => {
    const { db, sourceId } = tempDb()
    const { rejected } = await run(db, sourceId, CSV)
    expect(rejected).toEqual([
      { line: 13, reason: 'column "body" is empty' },
      { line: 14, reason: 'column "comment_id" is missing' },
      { line: 15, reason: expect.stringMatching(/column "created_at" "last Tuesday" is not a date/) },
      { line: 17, reason: 'the row has 9 cells where the header has 12' },
      { line: 18, reason: 'column "reports" "many" is not a whole number' },
      { line: 21, reason: 'a quoted cell is followed by more text before the next separator' }
    ])
    const lines = readFileSync(CSV, 'utf8').split('\r\n')
    expect(lines[14]).toMatch(/^c-1009,/)
    expect(lines[20]).toMatch(/^c-1013,/)
  })

  it('takes the columns it is given, guesses the rest, and reads semicolon-separated files', async () => {
    const { db, sourceId, dir } = tempDb()
    const file = join(dir, 'export.csv')
    writeFileSync(file, 'Kommentar-ID;Inhalt;Name;Artikel\nk1;"Gut; sehr gut";Anna;Wahl\nk2;Schlecht;;Wahl\n')
    const report = await run(db, sourceId, file, { csvMapping: { id: 'Kommentar-ID', text: 'Inhalt', articleTitle: 'Artikel' } })
    expect(report).toMatchObject({
      added: 2,
      rejected: [],
      csvMapping: { id: 'Kommentar-ID', text: 'Inhalt', authorName: 'Name', articleTitle: 'Artikel' }
    })
    expect(rows(db).get('k1')).toMatchObject({
      text: 'Gut; sehr gut',
      author: 'Anna',
      articleId: 'Wahl',
      title: 'Wahl',
      url: null
    })
    expect(rows(db).get('k2')).toMatchObject({ author: null })

    // A field mapped to '' is not guessed: the Name column stays in raw.
    const { db: other, sourceId: otherSource } = tempDb()
    const declined = await run(other, otherSource, file, { csvMapping: { id: 'Kommentar-ID', text: 'Inhalt', authorName: '' } })
    expect(declined.csvMapping).not.toHaveProperty('authorName')
    expect(rows(other).get('k1')).toMatchObject({ author: null, raw: { Name: 'Anna', Artikel: 'Wahl' } })
  })

  it('says which required column is missing and which columns there are', async () => {
    const { db, sourceId, dir } = tempDb()
    const file = join(dir, 'nope.csv')
    writeFileSync(file, 'id,author,date\n1,Ann,2026-01-01\n')
    await expect(run(db, sourceId, file)).rejects.toThrow(
      /no column for the comment text \(looked for text, body, content, comment, message.*\); its columns are "id", "author", "date"/
    )
    await expect(run(db, sourceId, file, { csvMapping: { text: 'body' } })).rejects.toThrow(
      /no column "body" \(mapped to the comment text\)/
    )
  })
})

describe('re-importing', () => {
  for (const [name, file] of [
    ['WXR', WXR],
    ['Disqus', DISQUS],
    ['CSV', CSV]
  ] as const) {
    it(`${name}: lands nothing new the second time and updates only what changed`, async () => {
      const { db, sourceId, dir } = tempDb()
      const first = await run(db, sourceId, file)
      expect(first.added).toBe(7)
      const again = await run(db, sourceId, file)
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 7 })
      expect(again.rejected).toEqual(first.rejected)

      const edited = join(dir, `edited-${name}`)
      const text = readFileSync(file, 'utf8')
      const target = { WXR: 'Wake up!', Disqus: 'same story. The drains', CSV: 'Anyone who believes this is an idiot.' }[name]
      expect(text).toContain(target)
      writeFileSync(edited, text.replace(target, `${target} (edited)`))
      expect(await run(db, sourceId, edited, { format: first.format })).toMatchObject({ added: 0, updated: 1, unchanged: 6 })
      expect(db.sqlite!.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({ n: 7 })
      expect(db.sqlite!.prepare("SELECT count(*) AS n FROM comments WHERE text LIKE '%(edited)%'").get()).toEqual({ n: 1 })
    })
  }
})

describe('detecting the format', () => {
  it('tells the four formats apart by their content, whatever the file is called', async () => {
    const dir = tempDir()
    expect(await detectFormat(WXR)).toBe('wxr')
    expect(await detectFormat(DISQUS)).toBe('disqus')
    expect(await detectFormat(CSV)).toBe('csv')
    const ndjson = join(dir, 'comments.txt')
    writeFileSync(ndjson, '\ufeff{"id": "1", "text": "hi"}\n')
    expect(await detectFormat(ndjson)).toBe('ndjson')
    const renamed = join(dir, 'export.dat')
    copyFileSync(DISQUS, renamed)
    expect(await detectFormat(renamed)).toBe('disqus')
  })

  it('says clearly when it cannot tell', async () => {
    const dir = tempDir()
    const write = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content)
      return join(dir, name)
    }
    await expect(detectFormat(write('empty.csv', ''))).rejects.toThrow(
      /Cannot tell the format of .*empty.csv: it is empty\. Name it with --format/
    )
    await expect(detectFormat(write('pic.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])))).rejects.toThrow(
      /binary file/
    )
    await expect(
      detectFormat(write('atom.xml', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>'))
    ).rejects.toThrow(/XML with the root element <feed>, but neither a WordPress WXR export .* nor a Disqus export/)
    await expect(detectFormat(write('array.json', '[{"id": 1}]'))).rejects.toThrow(/JSON array/)
    await expect(detectFormat(join(dir, 'missing.csv'))).rejects.toThrow(/No such file/)
  })
})

describe('progress and cancel', () => {
  it('reports bytes read, rising to the file size', async () => {
    for (const file of [WXR, DISQUS, CSV]) {
      const { db, sourceId } = tempDb()
      const seen: ImportProgress[] = []
      await run(db, sourceId, file, { onProgress: (progress) => seen.push(progress) })
      const size = statSync(file).size
      expect(seen[0]).toEqual({ bytesRead: 0, totalBytes: size })
      expect(seen.at(-1)).toEqual({ bytesRead: size, totalBytes: size })
      expect(seen.map((p) => p.bytesRead)).toEqual([...seen.map((p) => p.bytesRead)].sort((a, b) => a - b))
    }
  })

  it('stops early when cancelled, keeping what already landed', async () => {
    const { db, sourceId, dir } = tempDb()
    const file = join(dir, 'big.xml')
    writeBigWxr(file, 10_000)
    const controller = new AbortController()
    const seen: ImportProgress[] = []
    const report = await run(db, sourceId, file, {
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress)
        if (progress.bytesRead > 0) controller.abort()
      }
    })
    expect(report.cancelled).toBe(true)
    expect(report.added).toBeGreaterThan(0)
    expect(report.added).toBeLessThan(10_000)
    expect(db.sqlite!.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({ n: report.added })
    expect(seen.at(-1)!.bytesRead).toBeLessThan(statSync(file).size)

    // Importing again picks up the rest; nothing is duplicated.
    const rest = await run(db, sourceId, file)
    expect(rest).toMatchObject({ cancelled: false, added: 10_000 - report.added, unchanged: report.added, rejected: [] })
  })

  it('lands nothing when cancelled before it starts', async () => {
    const { db, sourceId } = tempDb()
    const report = await run(db, sourceId, WXR, { signal: AbortSignal.abort() })
    expect(report).toMatchObject({ cancelled: true, added: 0 })
    expect(db.sqlite!.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({ n: 0 })
  })

  it('NDJSON goes through the same entry point, with progress', async () => {
    const { db, sourceId, dir } = tempDb()
    const file = join(dir, 'in.ndjson')
    writeFileSync(file, '{"id": "n1", "text": "one"}\r\nnot json\r\n{"id": "n2", "text": "two", "status": "spam"}\r\n')
    const seen: ImportProgress[] = []
    const report = await run(db, sourceId, file, { onProgress: (p) => seen.push(p) })
    expect(report).toMatchObject({
      format: 'ndjson',
      added: 2,
      rejected: [{ line: 2, reason: expect.stringMatching(/not valid JSON/) }]
    })
    expect(seen.at(-1)!.bytesRead).toBe(statSync(file).size)
    expect(rows(db).get('n2')!.status).toBe('removed')
  })
})
