import { readFileSync } from 'node:fs'
import { expect, test } from './support/fixtures'

test('a moderator triages the demo queue by keyboard, and every decision survives a reload and reaches the log', async ({ page, queue }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })

  // Opens on Needs review, worst first, over the demo queue.
  await expect(queue.tab('Needs review')).toHaveAttribute('aria-selected', 'true')
  await expect(queue.rows.first()).toBeVisible()
  expect(await queue.count('Needs review')).toBeGreaterThanOrEqual(250)
  const scores = await queue.rows.locator('[role=meter]').evaluateAll((meters) =>
    meters.slice(0, 10).map((meter) => Number(meter.getAttribute('aria-valuenow')))
  )
  expect(scores).toEqual([...scores].sort((a, b) => b - a))
  expect(scores[0]).toBeGreaterThanOrEqual(70)
  const review = await queue.count('Needs review')

  // a approves; the cursor moves on to the next comment.
  const approvedAtStart = await queue.count('Approved')
  const approved = await queue.cursorId()
  const second = (await queue.idsInView())[1]
  await queue.press('a')
  await expect(queue.row(approved)).toHaveCount(0)
  await expect.poll(() => queue.cursorId()).toBe(second)
  await expect.poll(() => queue.count('Needs review')).toBe(review - 1)
  await expect.poll(() => queue.count('Approved')).toBe(approvedAtStart + 1)

  // j moves down, k back up.
  await queue.press('j')
  const third = await queue.cursorId()
  expect(third).not.toBe(second)
  await queue.press('k')
  await expect.poll(() => queue.cursorId()).toBe(second)

  // r opens the clause picker; a digit picks the clause.
  const removed = second
  await queue.press('r')
  await expect(queue.dialog).toBeVisible()
  await expect(queue.dialog.getByRole('option')).toHaveCount(9)
  await queue.press('1')
  await expect(queue.dialog).toHaveCount(0)
  await expect(queue.row(removed)).toHaveCount(0)

  // d disables the next; z undoes it, and it comes back under the cursor.
  const disabled = await queue.cursorId()
  await queue.press('d')
  await expect(queue.row(disabled)).toHaveCount(0)
  await expect.poll(() => queue.count('Disabled')).toBe(1)
  await queue.press('z')
  await expect.poll(() => queue.count('Disabled')).toBe(0)
  await expect.poll(() => queue.cursorId()).toBe(disabled)

  // x selects two rows; one a acts on both, after a confirmation that states the count.
  const approvedBefore = await queue.count('Approved')
  await queue.press('j')
  await queue.press('x')
  await queue.press('j')
  await queue.press('x')
  await expect(queue.grid.locator('[role=row][aria-selected=true]')).toHaveCount(2)
  const bulk = await queue.grid.locator('[role=row][aria-selected=true]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-comment-id')!))
  await queue.press('a')
  await expect(page.getByRole('alertdialog')).toContainText('Approve 2 comments?')
  await queue.press('Enter')
  await expect.poll(() => queue.count('Approved')).toBe(approvedBefore + 2)
  // Five made, one undone: four stand.
  await expect(page.getByLabel('Pace this session')).toContainText(/^4 decided · \d+\/h · queue clear in/)

  // ? shows the key map.
  await queue.press('?')
  await expect(queue.dialog).toContainText('Approve')
  await queue.press('Escape')
  await expect(queue.dialog).toHaveCount(0)

  // Everything is still there after a reload.
  await page.reload()
  await expect(queue.rows.first()).toBeVisible()
  await queue.open('Approved')
  for (const id of [approved, ...bulk]) await expect(queue.row(id)).toHaveCount(1)
  await queue.open('Removed')
  await expect(queue.row(removed)).toContainText('abusive')
  await queue.open('Needs review')
  await expect(queue.row(disabled)).toHaveCount(1)

  // ... and in the exported decision log.
  const [download] = await Promise.all([page.waitForEvent('download'), queue.menu('Export log (CSV)')])
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv).toContain(`,${approved},`)
  expect(csv).toMatch(new RegExp(`,${removed},.*,remove,pending,removed,abusive,`))
  expect(csv).toMatch(new RegExp(`,${disabled},.*,undo,disabled,pending,`))
  expect(dialogs).toEqual([])
})

test('everything works by mouse too', async ({ page, queue }) => {
  const target = queue.rows.nth(2)
  const id = (await target.getAttribute('data-comment-id'))!
  await target.click()
  await expect(target).toHaveAttribute('aria-current', 'true')
  await page.getByRole('button', { name: 'Remove…' }).click()
  await queue.dialog.getByRole('option', { name: /Spam or advertising/ }).click()
  await queue.open('Removed')
  await expect(queue.row(id)).toContainText('spam')
  await queue.menu('Undo')
  await expect(queue.rows).toHaveCount(0)
})

test('every command has a mouse path: the key map runs any of them, bound to a key or not', async ({ page, queue }) => {
  await queue.menu('Key map (?)')
  await page.getByRole('dialog', { name: 'Keyboard' }).getByRole('button', { name: 'Go to Approved' }).click()
  await expect(queue.tab('Approved')).toHaveAttribute('aria-selected', 'true')
  // "Go to the next queue" has no key in the default map; the overlay still runs it.
  await queue.menu('Key map (?)')
  await page.getByRole('dialog', { name: 'Keyboard' }).getByRole('button', { name: 'Go to the next queue' }).click()
  await expect(queue.tab('Removed')).toHaveAttribute('aria-selected', 'true')
})

test('* selects the whole queue without loading it; one decision and one undo cover all of it', async ({ page, queue }) => {
  const likely = await queue.count('Likely violations')
  await queue.open('Likely violations')
  await expect(queue.rows.first()).toBeVisible()
  await queue.press('*')
  await expect(page.getByRole('toolbar')).toContainText(`All ${likely} in this queue selected`)
  await queue.press('d')
  await expect(page.getByRole('alertdialog')).toContainText(`Disable ${likely} comments?`)
  await queue.press('Enter')
  await expect.poll(() => queue.count('Disabled')).toBe(likely)
  await expect.poll(() => queue.count('Likely violations')).toBe(0)
  await queue.press('z')
  await expect.poll(() => queue.count('Disabled')).toBe(0)
  await expect.poll(() => queue.count('Likely violations')).toBe(likely)
})

test('enter or o opens the detail pane: full text, why it scored, thread, author record, history', async ({ page, queue }) => {
  await queue.press('o')
  const pane = page.getByRole('complementary', { name: 'Comment detail' })
  await expect(pane).toBeVisible()
  const excerpt = (await queue.cursorRow.locator('.comment-text').innerText()).slice(0, 30)
  await expect(pane.locator('.full-text')).toContainText(excerpt)
  await expect(pane).toContainText('Why it scored')
  await expect(pane).toContainText(/comments here, \d+ removed/)
  await expect(pane.getByRole('link')).toHaveAttribute('href', /^https:\/\/news\.example\//)
  // The pane follows the cursor.
  await queue.press('j')
  const next = (await queue.cursorRow.locator('.comment-text').innerText()).slice(0, 30)
  await expect(pane.locator('.full-text')).toContainText(next)
  await queue.press('Escape')
  await expect(pane).toHaveCount(0)
  await queue.press('Enter')
  await expect(pane).toBeVisible()
})

test('z walks back through an undo stack and shift+z walks forward again', async ({ page, queue }) => {
  const approved = await queue.count('Approved')
  const first = await queue.cursorId()
  await queue.press('a')
  await expect.poll(() => queue.count('Approved')).toBe(approved + 1)
  await queue.press('a')
  await expect.poll(() => queue.count('Approved')).toBe(approved + 2)
  await queue.press('z')
  await expect.poll(() => queue.count('Approved')).toBe(approved + 1)
  await queue.press('z')
  await expect.poll(() => queue.count('Approved')).toBe(approved)
  await expect.poll(() => queue.cursorId()).toBe(first)
  await queue.press('Shift+Z')
  await expect.poll(() => queue.count('Approved')).toBe(approved + 1)
  await queue.press('Control+Shift+Z')
  await expect.poll(() => queue.count('Approved')).toBe(approved + 2)
  await queue.press('Shift+Z')
  await expect(page.getByRole('status')).toHaveText('Nothing to redo.')
})
