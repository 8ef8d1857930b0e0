// One test per key group beyond the basics: jumps between queues, selection by range and view, search
// then bulk, sort, article jumps, escalation.
import { expect, test } from './support/fixtures'

test('g then a letter jumps to a queue', async ({ queue }) => {
  for (const [key, label] of [
    ['l', 'Likely violations'],
    ['p', 'Reported by readers'],
    ['a', 'Approved'],
    ['x', 'Removed'],
    ['d', 'Disabled'],
    ['e', 'Escalated'],
    ['r', 'Needs review']
  ]) {
    await queue.press('g')
    await queue.press(key)
    await expect(queue.tab(label)).toHaveAttribute('aria-selected', 'true')
  }
})

test('shift+move extends the selection, ctrl+a selects the view, esc clears', async ({ page, queue }) => {
  await queue.press('Shift+ArrowDown')
  await queue.press('Shift+ArrowDown')
  await expect(queue.grid.locator('[role=row][aria-selected=true]')).toHaveCount(3)
  await queue.press('Escape')
  await expect(queue.grid.locator('[role=row][aria-selected=true]')).toHaveCount(0)
  await queue.press('Control+a')
  await expect(page.getByRole('toolbar').locator('.selection')).toHaveText('100 selected')
  await queue.press('Escape')
  await expect(page.getByRole('toolbar')).not.toContainText('selected')
})

test('/ searches the comment text, and the results can be acted on in bulk', async ({ page, queue }) => {
  await queue.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search comments' })).toBeFocused()
  await page.keyboard.type('affidavit')
  await page.keyboard.press('Enter')
  await expect(queue.rows.first()).toContainText(/affidavit/i)
  const found = await queue.rows.count()
  expect(found).toBeGreaterThan(2)
  for (const text of await queue.rows.locator('.comment-text').allInnerTexts()) expect(text.toLowerCase()).toContain('affidavit')
  // Keys work again once the search box lets go of them.
  const approved = await queue.count('Approved')
  await queue.press('*')
  await expect(page.getByRole('toolbar')).toContainText(`All ${found} in this search selected`)
  await queue.press('a')
  await page.keyboard.press('Enter')
  await expect.poll(() => queue.count('Approved')).toBe(approved + found)
  await expect(queue.rows).toHaveCount(0)
})

test('s cycles the sort order; [ and ] jump between articles', async ({ page, queue }) => {
  await queue.press('s')
  await expect(page.getByRole('button', { name: 'Sort: Newest' })).toBeVisible()
  const dates = await queue.rows.evaluateAll((rows) => rows.slice(0, 8).map((row) => row.querySelector('.col-createdAt')!.textContent))
  expect(dates).toEqual([...dates].sort().reverse())
  const article = () => queue.cursorRow.locator('.col-articleTitle').innerText()
  const first = await article()
  await queue.press(']')
  await expect.poll(article).not.toBe(first)
  await queue.press('[')
  await expect.poll(article).toBe(first)
})

test('! escalates with a note; the comment waits in Escalated until someone decides', async ({ page, queue }) => {
  const id = await queue.cursorId()
  await queue.press('!')
  await page.getByRole('textbox', { name: 'Note' }).fill('legal: names a private person')
  await page.keyboard.press('Enter')
  await expect.poll(() => queue.count('Escalated')).toBe(1)
  await queue.press('g')
  await queue.press('e')
  await expect(queue.row(id)).toBeVisible()
  await queue.press('o')
  await expect(page.getByRole('complementary', { name: 'Comment detail' })).toContainText('legal: names a private person')
  await queue.press('r')
  await queue.press('3')
  await expect.poll(() => queue.count('Escalated')).toBe(0)
})

test('score bands: h shows the histogram, b selects the band, one stroke approves it and one undo reverts it', async ({ page, queue }) => {
  await queue.press('h')
  const bands = page.getByRole('region', { name: 'Score bands' })
  await expect(bands).toBeVisible()
  const count = bands.locator('.band-count')
  await expect(count).toHaveText(/^0\.00 – 0\.15: \d+ comments$/)
  const inBand = Number((await count.innerText()).match(/: ([\d,]+) comments/)![1].replace(/,/g, ''))
  expect(inBand).toBeGreaterThan(100)
  // Widening the band updates its count live.
  await bands.getByRole('slider', { name: 'Band to' }).fill('10')
  await expect(count).not.toHaveText(`0.00 – 0.15: ${inBand} comments`)
  await bands.getByRole('slider', { name: 'Band to' }).fill('3')
  await expect(count).toHaveText(`0.00 – 0.15: ${inBand} comments`)

  const approved = await queue.count('Approved')
  await queue.press('b')
  await expect(page.getByRole('toolbar')).toContainText(`All ${inBand} in this band selected`)
  await queue.press('a')
  await expect(page.getByRole('alertdialog')).toContainText(`Approve ${inBand} comments?`)
  await page.keyboard.press('Enter')
  await expect.poll(() => queue.count('Approved')).toBe(approved + inBand)
  await expect(count).toHaveText('0.00 – 0.15: 0 comments')
  await queue.press('z')
  await expect.poll(() => queue.count('Approved')).toBe(approved)
})
