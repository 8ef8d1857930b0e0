import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { runCli } from '../../support/run-cli'
import { tempDir } from '../../support/temp-engine'
import type { WordPressSite } from '../../support/wordpress'
import { useTestSite } from '../../support/wordpress-test-site'
import { approvedColumn, insertComments } from '../../support/wordpress-fixtures'

// The WordPress commands as an operator uses them: add a site, test it, pull, decide, sync, close an
// article, remove the site. The application password never appears in any output.

let site: WordPressSite
let postId: number

useTestSite('CLI test story', (ready) => ({ site, postId } = ready))

it('adds, tests, pulls, syncs, closes an article and removes a WordPress source from the command line', async () => {
  const dir = tempDir()
  const db = join(dir, 'sieve.db')
  const password = site.users.editor.appPassword
  const sieve = (...args: string[]) => {
    const result = runCli(['--db', db, ...args], { SIEVE_WP_PASSWORD: password })
    expect(result.stdout + result.stderr).not.toContain(password)
    return result
  }
  const [comment] = await insertComments(site, postId, 1, 'hold', 'Cli')

  const added = sieve('source', 'add', 'wordpress', '--name', 'Daily Post', '--url', site.url, '--user', site.users.editor.user)
  expect(added.code, added.stderr).toBe(0)
  expect(added.stdout).toMatch(/Source "Daily Post" saved .* password is in the secret store/)
  expect(added.stdout).toMatch(/Connected to .* as .*\(editor\)/)
  expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain(password)

  expect(sieve('source', 'list').stdout).toMatch(/^Daily Post {2}wordpress {2}http:\/\/127\.0\.0\.1:\d+ {2}as sieve-editor {2}0 comments/m)
  expect(sieve('source', 'test', 'Daily Post')).toMatchObject({ code: 0 })

  const pulled = sieve('pull', '--source', 'Daily Post')
  expect(pulled.code, pulled.stderr).toBe(0)
  // (Other test files change comments of their own on the site meanwhile: some may change during the pull.)
  expect(pulled.stdout).toMatch(/^Daily Post: \d+ new, \d+ updated, \d+ unchanged \(\d+ requests\)\.$/m)

  expect(sieve('act', 'remove', String(comment), '--clause', 'spam').stdout).toContain('remove: 1 of 1 comments changed')
  const synced = sieve('sync')
  expect(synced.code, synced.stdout + synced.stderr).toBe(0)
  expect(synced.stdout).toContain('Synced 1; failed 0; conflicts 0; retrying later 0.')
  expect(await approvedColumn(site, [comment])).toEqual(new Map([[comment, 'spam']]))

  const closed = sieve('article', 'close', String(postId))
  expect(closed.code, closed.stderr).toBe(0)
  expect(closed.stdout).toContain('Closed "CLI test story" (Daily Post) to new comments.')
  expect(await site.query(`SELECT comment_status FROM wp_posts WHERE ID = ${postId}`)).toEqual([{ comment_status: 'closed' }])

  const removed = sieve('source', 'remove', 'Daily Post')
  expect(removed.stdout).toMatch(/Source "Daily Post" removed; \d+ comments stay in the database\./)
  expect(sieve('source', 'list').stdout).toContain('No platform sources yet')
  expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(password)
}, 120_000)

it('lists a conflict under sync=conflict beside the site\'s status, and approving again settles it', async () => {
  const dir = tempDir()
  const sieve = (...args: string[]) => runCli(['--db', join(dir, 'sieve.db'), ...args], { SIEVE_WP_PASSWORD: site.users.admin.appPassword })
  const [comment] = await insertComments(site, postId, 1, 'hold', 'Clash')
  expect(sieve('source', 'add', 'wordpress', '--name', 'Daily Post', '--url', site.url, '--user', site.users.admin.user).code).toBe(0)
  expect(sieve('pull').code).toBe(0)
  expect(sieve('act', 'approve', String(comment)).stdout).toContain('approve: 1 of 1 comments changed')
  expect(sieve('sync').code).toBe(0)
  await site.setCommentStatus(comment, 'spam') // a colleague in wp-admin
  expect(sieve('pull').stdout).toMatch(/1 changed upstream after a decision here \(conflicts\)/)

  // No queue named: the conflict is found wherever its decision put it, Sieve's status beside the site's.
  // (On this story: other test files delete comments of their own meanwhile, conflicts of theirs.)
  const listed = sieve('list', '--where', `sync=conflict,article=${postId}`)
  expect(listed.stdout).toMatch(new RegExp(`approved +site: spam +${comment} `))
  expect(sieve('list', '--queue', 'conflicts', '--where', `article=${postId}`).stdout).toContain(String(comment))

  expect(sieve('act', 'approve', String(comment)).stdout).toContain('approve: 1 of 1 comments changed')
  const synced = sieve('sync')
  expect(synced.stdout).toContain('Synced 1; failed 0; conflicts 0; retrying later 0.')
  expect(await approvedColumn(site, [comment])).toEqual(new Map([[comment, '1']]))
  expect(sieve('list', '--where', `sync=conflict,article=${postId}`).stdout).not.toContain(String(comment))
}, 120_000)

it('says what is wrong with a bad password, and exits non-zero', () => {
  const dir = tempDir()
  const bad = 'abcd efgh ijkl mnop qrst uvwx'
  const result = runCli(['--db', join(dir, 'sieve.db'), 'source', 'add', 'wordpress', '--name', 'Site', '--url', site.url, '--user', 'sieve-admin', '--password', bad])
  expect(result.code).toBe(1)
  expect(result.stdout).toMatch(/Connection test failed \(unauthorized\): .*401/)
  expect(result.stdout + result.stderr).not.toContain(bad)
  const sync = runCli(['--db', join(dir, 'sieve.db'), 'sync'])
  expect(sync).toMatchObject({ code: 0, stdout: 'Synced 0; failed 0; conflicts 0; retrying later 0.\n' })
}, 60_000)
