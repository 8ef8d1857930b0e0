// Every window hears what changes, wherever it was changed: a decision in one window, another window, the
// command line in a process of its own. The engine speaks first (server-sent events); nothing polls.
import { runCliAsync } from '../support/run-cli'
import { expect, test } from './support/fixtures'
import { QueuePage } from './support/queue-page'

test('two windows and the command line see each other’s decisions as they happen', async ({ page, queue, sieve, context }) => {
  const second = new QueuePage(await context.newPage())
  await second.page.goto(sieve.url)
  await expect(second.rows.first()).toBeVisible()
  // Both open the same queue: All, so a decided comment stays in view with its new status.
  await queue.open('All')
  await second.open('All')
  const [first, other] = (await queue.idsInView()).filter((id, i, ids) => ids.indexOf(id) === i).slice(0, 2)
  await expect(second.row(first)).toHaveAttribute('data-status', 'pending')

  // A decision in the first window shows in the second.
  await queue.row(first).click()
  await queue.press('d')
  await expect(queue.row(first)).toHaveAttribute('data-status', 'disabled')
  await expect(second.row(first)).toHaveAttribute('data-status', 'disabled')

  // A decision from the command line, in another process, shows in both.
  const act = await runCliAsync(['--db', sieve.dbPath, 'act', 'remove', other, '--clause', 'spam', '--moderator', 'night-shift'])
  expect(act.code).toBe(0)
  await expect(queue.row(other)).toHaveAttribute('data-status', 'removed')
  await expect(second.row(other)).toHaveAttribute('data-status', 'removed')
  // And the counts move in both, without a reload.
  await expect.poll(() => second.count('Removed')).toBeGreaterThanOrEqual(1)
  await expect.poll(() => queue.count('Disabled')).toBeGreaterThanOrEqual(1)
  void page
})
