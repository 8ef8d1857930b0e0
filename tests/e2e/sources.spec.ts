// The Sources screen against the real test WordPress: a moderator adds the site, tests it, pulls its
// comments, approves one, sees it reach WordPress (the background sync) and the row say "synced", and
// closes the story to new comments from the detail pane. A comment changed in wp-admin after that shows
// in the Conflicts queue, Sieve's status beside the site's, until the moderator decides again.
import type { Page } from '@playwright/test'
import { deeplyNested } from '../support/hostile'
import { startWordPress, type WordPressSite } from '../support/wordpress'
import { approvedColumn, createPost, deletePost, insertComments, insertHeldComment } from '../support/wordpress-fixtures'
import { expect, test } from './support/fixtures'
import type { QueuePage } from './support/queue-page'

let site: WordPressSite
let postId: number
// The site outlives a run: each run searches for its own words, not for an earlier run's comments.
const run = Date.now().toString(36)

test.beforeAll(async () => {
  site = await startWordPress()
  postId = await createPost(site, 'Sources screen story')
})

test.afterAll(async () => {
  if (postId) await deletePost(site, postId)
})

test('a moderator connects a WordPress site, pulls it, and a decision reaches the site', async ({ page, queue }) => {
  test.setTimeout(120_000)
  const ids = await insertComments(site, postId, 2, 'hold', `Sourcescreen${run}`)

  await queue.menu('Sources…')
  const dialog = page.getByRole('dialog', { name: 'Sources' })
  await expect(dialog).toContainText('No WordPress site yet')
  await dialog.getByLabel('Name').fill('Newsroom')
  await dialog.getByLabel('Site address').fill(site.url)
  await dialog.getByLabel('User').fill(site.users.admin.user)
  await dialog.getByLabel('Application password').fill(site.users.admin.appPassword)
  await dialog.getByRole('button', { name: 'Add and test' }).click()
  await expect(dialog.getByRole('status')).toContainText('Connected to')
  await expect(dialog.getByRole('row', { name: /Newsroom/ })).toContainText('as sieve-admin')
  // The password is gone from the form and never shown.
  await expect(dialog.getByLabel('Application password')).toHaveValue('')
  await expect(dialog).not.toContainText(site.users.admin.appPassword)

  // A held comment nested 5,000 <b> deep is refused alone, and the screen names it; the rest land.
  const deep = await insertHeldComment(site, postId, deeplyNested(5000))
  try {
    await dialog.getByRole('button', { name: 'Pull' }).click()
    await expect(dialog.getByRole('status')).toContainText(/Newsroom: \d+ new, .*1 refused/, { timeout: 60_000 })
    await expect(dialog.getByRole('status')).toContainText(`comment ${deep}: refused: its HTML nests elements more than 100 deep`)
  } finally {
    await site.deleteComment(deep)
  }
  const refused = dialog.getByRole('row', { name: /Newsroom/ }).getByText('1 comment refused: moderate on the site')
  await refused.click()
  await expect(dialog.getByRole('row', { name: /Newsroom/ })).toContainText(`comment ${deep}: its HTML nests elements`)
  await dialog.getByRole('button', { name: 'Done' }).click()

  await search(page, queue, `Sourcescreen${run}`)
  await expect(queue.rows).toHaveCount(2)
  const first = await queue.cursorId()
  expect(ids.map(String)).toContain(first)
  await queue.press('a')

  // The app pushes it in the background once the grace period is over.
  await expect.poll(async () => (await approvedColumn(site, [Number(first)])).get(Number(first)), { timeout: 30_000 }).toBe('1')

  // The search stays on as the moderator changes queues.
  await queue.open('Approved')
  await expect(queue.rows).toHaveCount(1)
  await expect(queue.row(first).locator('.col-sync')).toHaveText('synced')
  await queue.press('o')
  await expect(page.getByRole('note', { name: 'Sync state' })).toHaveText('Sync: synced')

  // The story can be closed to new comments from here.
  const detail = page.getByRole('complementary', { name: 'Comment detail' })
  await detail.getByRole('button', { name: 'Close comments' }).click()
  await expect(detail).toContainText('commenting closed')
  expect(await site.query(`SELECT comment_status FROM wp_posts WHERE ID = ${postId}`)).toEqual([{ comment_status: 'closed' }])
})

test('a comment changed in wp-admin after a decision shows in Conflicts beside the site\'s status, and deciding again settles it', async ({ page, queue }) => {
  test.setTimeout(180_000)
  const [id] = await insertComments(site, postId, 1, 'hold', `Conflictscreen${run}`)
  await connectAndPull(page, queue)
  await search(page, queue, `Conflictscreen${run}`)
  await expect(queue.rows).toHaveCount(1)
  await queue.press('a')
  await expect.poll(async () => (await approvedColumn(site, [id])).get(id), { timeout: 30_000 }).toBe('1')

  await site.setCommentStatus(id, 'spam') // a colleague in wp-admin
  await pull(page, queue)
  await queue.open('Conflicts')
  const row = queue.row(String(id))
  await expect(row).toBeVisible()
  await expect(row.locator('.col-status')).toHaveText('approved')
  await expect(row.locator('.col-platformStatus')).toHaveText('spam')
  await expect(row.locator('.col-sync')).toHaveText('conflict')
  await expect(page.getByRole('columnheader', { name: 'On the site' })).toBeVisible()

  // Approving again (the same decision) settles it, and the site follows.
  await queue.press('a')
  await expect.poll(async () => (await approvedColumn(site, [id])).get(id), { timeout: 30_000 }).toBe('1')
  await queue.open('Approved')
  await expect(queue.row(String(id)).locator('.col-sync')).toHaveText('synced')
  // Other queues keep the moderator's columns: no site status there.
  await expect(page.getByRole('columnheader', { name: 'On the site' })).toHaveCount(0)
})

/** Adds the test site as a source from the Sources screen and pulls it. */
async function connectAndPull(page: Page, queue: QueuePage): Promise<void> {
  await queue.menu('Sources…')
  const dialog = page.getByRole('dialog', { name: 'Sources' })
  await dialog.getByLabel('Name').fill('Newsroom')
  await dialog.getByLabel('Site address').fill(site.url)
  await dialog.getByLabel('User').fill(site.users.admin.user)
  await dialog.getByLabel('Application password').fill(site.users.admin.appPassword)
  await dialog.getByRole('button', { name: 'Add and test' }).click()
  await expect(dialog.getByRole('status')).toContainText('Connected to')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await pull(page, queue)
}

async function pull(page: Page, queue: QueuePage): Promise<void> {
  await queue.menu('Sources…')
  const dialog = page.getByRole('dialog', { name: 'Sources' })
  await dialog.getByRole('button', { name: 'Pull' }).click()
  await expect(dialog.getByRole('status')).toContainText(/Newsroom: \d+ new/, { timeout: 60_000 })
  await dialog.getByRole('button', { name: 'Done' }).click()
}

async function search(page: Page, queue: QueuePage, words: string): Promise<void> {
  await queue.press('/')
  await page.keyboard.type(words)
  await page.keyboard.press('Enter')
}
