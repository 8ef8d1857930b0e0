import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestEngine, type TestEngine } from '../../support/temp-engine'
import { startApacheWordPress, type ApacheSite } from '../../support/wordpress'
import { approvedColumn, createPost, deletePost, insertComments, loggingProxy, type LoggingProxy } from '../../support/wordpress-fixtures'

// Sieve against a newsroom-sized WordPress: Debian's WordPress on Apache with mod_php (setup-apache.sh,
// not PHP's built-in server), a backlog of 10,000 held comments and a story of this file's own. The
// first pull brings every held comment; a pull that finds nothing new costs a handful of small requests
// (the figures are `npm run -s bench:wordpress`'s; here only what a person would notice is checked);
// a sync survives Apache stopping in the middle of it and lands every decision once when it is back;
// and the pull after it does not report Sieve's own pushes as news. The tests run in order, on one database.

const ROOT = resolve(__dirname, '../../..')
const DECISIONS = 600

let site: ApacheSite
let proxy: LoggingProxy
let postId: number
let ours: number[]
let dir: string
let engine: TestEngine

beforeAll(async () => {
  site = await startApacheWordPress()
  proxy = await loggingProxy(site)
  postId = await createPost(site, 'Scale test story')
  ours = await insertComments(site, postId, DECISIONS, 'hold', 'Scale')
  dir = mkdtempSync(join(tmpdir(), 'sieve-scale-'))
  engine = await openTestEngine({ dbPath: join(dir, 'sieve.db'), moderator: 'scale' }, dir)
  await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users.admin.user, password: site.users.admin.appPassword })
}, 900_000)

afterAll(async () => {
  await engine?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
  // Apache may have been left stopped by a failed test: the site must answer for the cleanup (and for the next run).
  if (site) {
    await site.startWeb().catch(() => undefined)
    if (postId) await deletePost(site, postId)
  }
  await proxy?.close()
}, 120_000)

/** The site's held comments, and Sieve's comments it last saw held there: the same set after any pull. */
async function heldSets(): Promise<{ onSite: string[]; here: string[] }> {
  const onSite = (await site.query(`SELECT comment_ID AS id FROM wp_comments WHERE comment_approved = '0' ORDER BY comment_ID`)).map((row) => row.id!)
  const here = engine.db
    .prepare(`SELECT external_id AS id FROM comments WHERE platform_status = 'hold' ORDER BY CAST(external_id AS INTEGER)`)
    .all()
    .map((row) => (row as { id: string }).id)
  return { onSite, here }
}

describe('a newsroom-sized WordPress on Apache', () => {
  it('pulls every held comment of a 10,000-comment backlog', async () => {
    const [{ report }] = await engine.call('pullNow', {})
    const { onSite, here } = await heldSets()
    expect(onSite.length).toBeGreaterThanOrEqual(10_000 + DECISIONS)
    expect(here).toEqual(onSite)
    expect(report.added).toBeGreaterThanOrEqual(onSite.length)
  }, 900_000)

  it('a pull that finds nothing new makes a handful of small requests and fetches no comment again', async () => {
    proxy.log.length = 0
    const [{ report }] = await engine.call('pullNow', {})
    expect(report).toMatchObject({ added: 0, updated: 0, conflicts: 0, deleted: 0, interrupted: false })
    expect(proxy.log.length).toBeLessThanOrEqual(8)
    // Before: every held comment fetched again, 13 MB at this size. Now: counts and empty lists.
    const bytes = proxy.log.reduce((sum, request) => sum + (request.bytes ?? 0), 0)
    expect(bytes).toBeLessThan(20_000)
    expect(proxy.log.filter((request) => request.route === '/wp/v2/comments' && request.params.status === 'any')).toEqual([])
  }, 300_000)

  it('finds comments changed or deleted in wp-admin by counting, fetching a page of suspects rather than the queue', async () => {
    const story = await createPost(site, 'Scale changes story')
    try {
      const [spammed, deleted] = await insertComments(site, story, 2, 'hold', 'ScaleChanged')
      await engine.call('pullNow', {})
      await site.setCommentStatus(spammed, 'spam')
      await site.deleteComment(deleted)
      proxy.log.length = 0
      const [{ report }] = await engine.call('pullNow', {})
      expect(report).toMatchObject({ updated: 1, deleted: 1 })
      const status = (id: number) => engine.db.prepare('SELECT status, platform_status AS platform FROM comments WHERE external_id = ?').get(String(id))
      expect(status(spammed)).toEqual({ status: 'removed', platform: 'spam' })
      expect(status(deleted)).toMatchObject({ platform: 'deleted' })
      // Halving the held ids by count until a page is left: tens of small requests, not a hundred pages.
      expect(proxy.log.length).toBeLessThanOrEqual(40)
      const fetched = proxy.log.filter((request) => request.route === '/wp/v2/comments' && request.params.status === 'any').flatMap((request) => request.params.include as string[])
      expect(fetched.length).toBeLessThanOrEqual(200)
      expect(fetched.map(String)).toEqual(expect.arrayContaining([String(spammed), String(deleted)]))
    } finally {
      await deletePost(site, story)
    }
  }, 300_000)

  it('sync survives Apache stopping in the middle: it waits, says why, and lands every decision once when the site is back', async () => {
    const decided = await engine.call('decide', { filter: { queue: 'review', article: String(postId) }, action: 'approve' })
    expect(decided.changed).toBe(DECISIONS)
    // Straight to Apache, no proxy in between: a stopped site refuses the connection.
    await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: site.url, user: site.users.admin.user, password: site.users.admin.appPassword })
    const logFrom = statSync(site.accessLog).size
    const accepted = () => acceptedWrites(readFileSync(site.accessLog).subarray(logFrom).toString())

    const sync = startCli(['--db', join(dir, 'sieve.db'), 'sync', '--wait', '600'])
    await until(() => sync.exited === undefined || fail(`sync ended before the site was stopped:\n${sync.output()}`), () => accepted().size >= DECISIONS / 4)
    await site.stopWeb()
    await until(() => sync.exited === undefined || fail(`sync ended while the site was down:\n${sync.output()}`), () => /Waiting/.test(sync.output()))
    // Down for longer than a retry interval: sync tries again, finds the site still gone, and keeps waiting.
    await new Promise((wake) => setTimeout(wake, 15_000))
    expect(sync.exited, sync.output()).toBeUndefined()
    await site.startWeb()
    const { code } = await sync.done
    const output = sync.output()
    expect(code, output).toBe(0)
    expect(output).toMatch(/Waiting \d+ s to try again \(\d+ min( \d+ s)? of --wait left\): \d+ decisions wait because 127\.0\.0\.2:\d+ refused the connection/)
    expect(output).toContain(`Synced ${DECISIONS}; failed 0; conflicts 0; retrying later 0.`)

    // Every decision landed, and none twice (Apache's own log of the status changes it accepted).
    const status = await approvedColumn(site, ours)
    expect(ours.filter((id) => status.get(id) !== '1')).toEqual([])
    const writes = accepted()
    expect([...writes].filter(([, times]) => times > 1)).toEqual([])
    expect([...writes.keys()].every((id) => ours.includes(id))).toBe(true)
  }, 900_000)

  it("the pull after the sync neither reports nor fetches Sieve's own pushes, and still matches the held queue", async () => {
    await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: proxy.url, user: site.users.admin.user, password: site.users.admin.appPassword })
    proxy.log.length = 0
    const [{ report }] = await engine.call('pullNow', {})
    expect(report).toMatchObject({ updated: 0, conflicts: 0, deleted: 0 })
    // Nor fetched again: the approved list excludes what Sieve knows it approved.
    expect(proxy.log.reduce((sum, request) => sum + (request.bytes ?? 0), 0)).toBeLessThan(20_000)
    const { onSite, here } = await heldSets()
    expect(here).toEqual(onSite)
  }, 300_000)
})

/** Comment status changes Apache answered 200 to, per comment id (the pushes; `_method=GET` lists are not writes). */
function acceptedWrites(log: string): Map<number, number> {
  const writes = new Map<number, number>()
  for (const match of log.matchAll(/"POST \S*rest_route=%2Fwp%2Fv2%2Fcomments%2F(\d+)(?:&\S*)?" 200 /g)) {
    writes.set(Number(match[1]), (writes.get(Number(match[1])) ?? 0) + 1)
  }
  return writes
}

/** `sieve …` as its own process, its output collected as it comes. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/main/cli.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  const run = {
    exited: undefined as number | null | undefined,
    output: () => output,
    done: new Promise<{ code: number | null }>((finished) =>
      child.on('exit', (code) => {
        run.exited = code
        finished({ code })
      })
    )
  }
  return run
}

/** Polls `condition` every 100 ms; `still` throws when waiting no longer makes sense. */
async function until(still: () => boolean, condition: () => boolean): Promise<void> {
  while (!condition()) {
    still()
    await new Promise((wake) => setTimeout(wake, 100))
  }
}

function fail(message: string): never {
  throw new Error(message)
}
