import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { WordPressSite } from '../../support/wordpress'
import { useTestSite } from '../../support/wordpress-test-site'
import { insertComments, type LoggingProxy } from '../../support/wordpress-fixtures'
import { finished } from '../../support/jobs'
import { tempDir, tempEngine, type TestEngine } from '../../support/temp-engine'

// The WordPress connector against a real WordPress: configuring a site, what "test connection" says when
// something is wrong, and pulling held and recent comments with their posts, incrementally and resumably.

let site: WordPressSite
let proxy: LoggingProxy
let postId: number

useTestSite('Connector test story', (ready) => ({ site, proxy, postId } = ready))

async function engineWith(user: 'admin' | 'editor' | 'reader' = 'admin', url = proxy.url, dir = tempDir()): Promise<TestEngine> {
  const engine = await tempEngine({ now: () => new Date() }, dir)
  await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url, user: site.users[user].user, password: site.users[user].appPassword })
  return engine
}

/**
 * The seeded held comments (other test files add and remove comments of their own meanwhile, so counts of
 * the whole site would race): every one must arrive, held.
 */
async function seededHeld(): Promise<string[]> {
  const rows = await site.query(`SELECT comment_id AS id FROM wp_commentmeta WHERE meta_key = 'sieve_seed_status' AND meta_value = 'hold'`)
  return rows.map((row) => row.id!)
}

function heldHere(engine: TestEngine, ids: string[]): number {
  return (engine.db.prepare(`SELECT count(*) AS n FROM comments WHERE platform_status = 'hold' AND external_id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(ids)) as { n: number }).n
}

/** A port nothing listens on (one that was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise((done) => server.close(done))
  return port
}

describe('configuring a WordPress source', () => {
  it('keeps the application password in the secret store only, never in the database', async () => {
    const dir = tempDir()
    const engine = await engineWith('admin', proxy.url, dir)
    expect(await engine.call('sources', {})).toMatchObject([{ name: 'Newsroom', kind: 'wordpress', url: proxy.url, user: 'sieve-admin', hasPassword: true }])
    await engine.close()
    const password = site.users.admin.appPassword
    for (const file of ['sieve.db', 'sieve.db-wal']) {
      let bytes: string
      try {
        bytes = readFileSync(join(dir, file), 'latin1')
      } catch {
        continue
      }
      expect(bytes.includes(password), file).toBe(false)
    }
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain(password)
  })

  it('refuses credentials inside the URL', async () => {
    const engine = await tempEngine()
    await expect(
      engine.call('addSource', { kind: 'wordpress', name: 'X', url: 'https://admin:secret@news.example', user: 'a', password: 'b' })
    ).rejects.toThrow(/not inside the URL/)
  })

  it('reports a working connection with the user and the size of the held queue', async () => {
    const result = await (await engineWith('editor')).call('testSource', { name: 'Newsroom' })
    expect(result.ok).toBe(true)
    expect(result.message).toMatch(/as .*\(editor\); \d+ comments are held/)
  })

  it('says precisely what failed: wrong password, role, DNS, refused, TLS, no REST API', async () => {
    const check = async (url: string, user: string, password: string) => {
      const engine = await tempEngine({ now: () => new Date() })
      await engine.call('addSource', { kind: 'wordpress', name: 'Site', url, user, password })
      const result = await engine.call('testSource', { name: 'Site' })
      expect(result.ok).toBe(false)
      expect(result.message).not.toContain(password)
      return result
    }
    const admin = site.users.admin
    expect(await check(site.url, admin.user, 'abcd efgh ijkl mnop qrst uvwx')).toMatchObject({ kind: 'unauthorized', message: expect.stringMatching(/401/) })
    expect(await check(site.url, site.users.reader.user, site.users.reader.appPassword)).toMatchObject({
      kind: 'forbidden',
      message: expect.stringMatching(/403.*moderate/)
    })
    expect(await check('https://no-such-host.invalid', admin.user, admin.appPassword)).toMatchObject({ kind: 'dns' })
    expect(await check(`http://127.0.0.1:${await closedPort()}`, admin.user, admin.appPassword)).toMatchObject({ kind: 'refused' })
    // https to a server that speaks plain http: the TLS handshake fails.
    expect(await check(site.url.replace('http:', 'https:'), admin.user, admin.appPassword)).toMatchObject({ kind: 'tls' })

    const notWordPress = createServer((_req, res) => res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>'))
    await new Promise<void>((done) => notWordPress.listen(0, '127.0.0.1', done))
    try {
      const url = `http://127.0.0.1:${(notWordPress.address() as AddressInfo).port}`
      expect(await check(url, admin.user, admin.appPassword)).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/REST API/) })
    } finally {
      notWordPress.close()
    }
  })
})

describe('pulling', () => {
  it('pulls every held comment across pages, with posts as articles and authors, and recent approved ones', async () => {
    const held = await insertComments(site, postId, 3, 'hold', 'Pull')
    const approved = await insertComments(site, postId, 2, 'approved', 'Pull')
    const engine = await engineWith()
    proxy.log.length = 0
    const [{ report }] = await engine.call('pullNow', {})
    const seeded = await seededHeld()
    expect(seeded.length).toBeGreaterThan(100) // two pages at least
    const commentPages = proxy.log.filter((r) => r.route === '/wp/v2/comments' && r.method === 'GET')
    expect(commentPages.length).toBeGreaterThanOrEqual(3) // hold ×2, approve ×1

    const count = (sql: string, ...params: unknown[]) => (engine.db.prepare(sql).get(...params) as { n: number }).n
    expect(heldHere(engine, [...seeded, ...held.map(String)])).toBe(seeded.length + held.length)
    expect(report.added).toBe(count('SELECT count(*) AS n FROM comments'))
    const row = engine.db
      .prepare(
        `SELECT c.status, c.platform_status AS platform, a.title, a.url, au.name AS author FROM comments c
         JOIN articles a ON a.id = c.article_id JOIN authors au ON au.id = c.author_id WHERE c.external_id = ?`
      )
      .get(String(held[0])) as Record<string, string>
    expect(row).toMatchObject({ status: 'pending', platform: 'hold', title: 'Connector test story', author: 'Reader 0' })
    expect(row.url).toMatch(/^http/)
    for (const id of approved) {
      expect(engine.db.prepare('SELECT status, platform_status AS platform FROM comments WHERE external_id = ?').get(String(id))).toEqual({
        status: 'approved',
        platform: 'approved'
      })
    }
    // Seeded posts' titles made it too.
    expect(count('SELECT count(*) AS n FROM articles WHERE title = ?', site.seed.posts[0].title)).toBe(1)

    // Queue rows carry no sync state before any decision.
    const page = await engine.call('queuePage', { filter: { queue: 'review' }, sort: 'priority', after: null, limit: 5 })
    expect(page.rows[0].sync).toBeNull()
  })

  it('pulls only what is new the second time, and finds changes made in wp-admin to comments it has', async () => {
    const [first, second] = await insertComments(site, postId, 2, 'hold', 'Again')
    const engine = await engineWith()
    await engine.call('pullNow', {})
    await site.setCommentStatus(first, 'approved') // a colleague approved it in wp-admin
    await site.deleteComment(second) // and deleted the other
    const [third] = await insertComments(site, postId, 1, 'hold', 'Later')
    proxy.log.length = 0
    const [{ report }] = await engine.call('pullNow', {})
    expect(report.added).toBeGreaterThanOrEqual(1)
    const status = (id: number) => engine.db.prepare('SELECT status, platform_status AS platform, conflict FROM comments WHERE external_id = ?').get(String(id))
    // Nobody had decided on it here: it simply follows WordPress.
    expect(status(first)).toEqual({ status: 'approved', platform: 'approved', conflict: null })
    expect(status(second)).toMatchObject({ platform: 'deleted', conflict: expect.stringMatching(/Deleted in WordPress/) })
    expect(status(third)).toMatchObject({ status: 'pending', platform: 'hold' })
    // Incremental: the held list is asked for from the last comment's date on, not from the beginning.
    const heldList = new URL(proxy.log.find((r) => r.route === '/wp/v2/comments')!.url, 'http://proxy').searchParams
    expect(heldList.get('status')).toBe('hold')
    expect(heldList.get('after')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
  })

  it('finds comments held with an older date (rescued from spam, unapproved in wp-admin) in a plain pull, without --full', async () => {
    const engine = await engineWith()
    await engine.call('pullNow', {})
    // Both dated years before any cursor and outside the approved window, so no date-ordered list reaches them.
    const [rescued] = await insertComments(site, postId, 1, 'spam', 'Unspammed')
    const [unapproved] = await insertComments(site, postId, 1, 'approved', 'Unapproved')
    await site.query(`UPDATE wp_comments SET comment_date = '2020-01-01 00:00:00', comment_date_gmt = '2020-01-01 00:00:00' WHERE comment_ID IN (${rescued}, ${unapproved})`)
    await site.setCommentStatus(rescued, 'hold') // rescued from spam in wp-admin
    await site.setCommentStatus(unapproved, 'hold') // unapproved in wp-admin
    proxy.log.length = 0
    const [{ report }] = await engine.call('pullNow', {})
    expect(report.added).toBeGreaterThanOrEqual(2)
    const status = (id: number) => engine.db.prepare('SELECT status, platform_status AS platform FROM comments WHERE external_id = ?').get(String(id))
    expect(status(rescued)).toEqual({ status: 'pending', platform: 'hold' })
    expect(status(unapproved)).toEqual({ status: 'pending', platform: 'hold' })
    // Sieve's held comments of this story are the site's, exactly.
    const onSite = (await site.query(`SELECT comment_ID AS id FROM wp_comments WHERE comment_post_ID = ${postId} AND comment_approved = '0' ORDER BY comment_ID`)).map((row) => row.id)
    const here = engine.db
      .prepare(
        `SELECT c.external_id AS id FROM comments c JOIN articles a ON a.id = c.article_id
         WHERE a.external_id = ? AND c.platform_status = 'hold' ORDER BY CAST(c.external_id AS INTEGER)`
      )
      .all(String(postId))
      .map((row) => (row as { id: string }).id)
    expect(here).toEqual(onSite)
    // Found by what they are not (the held comments Sieve knows), not by listing everything again.
    const heldLists = proxy.log.filter((r) => r.route === '/wp/v2/comments' && r.params.status === 'hold' && String(r.params.per_page) === '100')
    expect(heldLists.length).toBeGreaterThanOrEqual(2) // the new ones since the last pull, and the others
    expect(heldLists.every((r) => r.params.after !== undefined || r.params.exclude !== undefined)).toBe(true)
  })

  it('runs as a job from the UI, and a refused password fails it with the reason', async () => {
    const engine = await engineWith()
    let job = await finished(engine.client, await engine.call('pull', { source: 'Newsroom' }))
    expect(job).toMatchObject({ state: 'done', message: expect.stringMatching(/^Newsroom: \d+ new, \d+ updated/) })

    await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users.admin.user, password: 'wrong password' })
    job = await finished(engine.client, await engine.call('pull', {}))
    expect(job).toMatchObject({ state: 'failed', message: expect.stringMatching(/refused the user name or application password \(401/) })
  })

  it('resumes an interrupted pull where it stopped', async () => {
    const engine = await engineWith()
    // Cancelled as its first page lands, as Cancel in the app or Ctrl-C on the command line would.
    const stop = engine.engine.subscribe((event) => {
      if (event.name === 'jobChanged' && event.payload.state === 'running' && event.payload.done > 0) {
        stop()
        void engine.call('cancelJob', { jobId: event.payload.id })
      }
    })
    const [{ report }] = await engine.call('pullNow', {})
    expect(report.interrupted).toBe(true)
    const landed = (engine.db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n
    expect(landed).toBe(100)
    const cursor = JSON.parse((engine.db.prepare('SELECT cursor FROM sources').get() as { cursor: string }).cursor)
    expect(cursor.run).toMatchObject({ phase: 'hold', page: 2 })

    proxy.log.length = 0
    const [{ report: rest }] = await engine.call('pullNow', {})
    expect(rest.interrupted).toBe(false)
    expect(rest.added).toBeGreaterThan(0)
    // It started at page 2 of the held list rather than again at page 1.
    const firstHeld = proxy.log.find((r) => r.route === '/wp/v2/comments')!
    const asked = new URL(firstHeld.url, 'http://proxy').searchParams
    expect([asked.get('status'), asked.get('page')]).toEqual(['hold', '2'])
    const seeded = await seededHeld()
    expect(heldHere(engine, seeded)).toBe(seeded.length)
  })
})
