// One test per key group beyond the basics: jumps between queues, selection by range and view, search
// then bulk, sort, article jumps, escalation, the grid's own keys, and the filters and views by keyboard.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../support/run-cli'
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
  await expect(page.getByRole('toolbar').locator('.selection')).toContainText('100 selected — Esc clears')
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

test('Home, End, Page Down and Page Up move through the whole view', async ({ page, queue }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  const index = async () => Number(await queue.cursorRow.getAttribute('aria-rowindex'))
  const review = await queue.count('Needs review')
  await queue.press('End')
  // The view loads to its end: the cursor is on its last comment, past the first page.
  await expect.poll(index).toBe(review + 1)
  await expect(queue.grid).toHaveAttribute('aria-rowcount', String(review + 1))
  await expect(queue.cursorRow).toBeInViewport()
  await queue.press('Home')
  await expect.poll(index).toBe(2)
  await queue.press('PageDown')
  await expect.poll(index).toBeGreaterThan(4)
  const page1 = await index()
  await expect(queue.cursorRow).toBeInViewport()
  await queue.press('PageDown')
  await expect.poll(index).toBeGreaterThan(page1)
  const page2 = await index()
  await queue.press('PageUp')
  await expect.poll(index).toBeLessThan(page2 - 2)
  await queue.press('PageUp')
  await queue.press('PageUp')
  await expect.poll(index).toBe(2)
})

test('n shows the comments behind "N new", Backspace takes off the last filter, v saves and opens views: no mouse', async ({ page, queue, sieve }) => {
  const file = join(sieve.dbPath, '..', 'arrivals.ndjson')
  writeFileSync(file, JSON.stringify({ id: 'late-1', text: 'A late reader comment about the affidavit' }))
  expect(runCli(['import', file, '--db', sieve.dbPath]).code).toBe(0)
  await expect(page.getByRole('button', { name: '1 new' })).toBeVisible({ timeout: 15_000 })
  const cursor = await queue.cursorId()
  await queue.press('n')
  await expect(page.getByRole('button', { name: '1 new' })).toHaveCount(0)
  expect(await queue.cursorId()).toBe(cursor)

  // A filter, saved as a view by keyboard.
  await queue.press('f')
  await page.getByRole('dialog', { name: 'Filter the view' }).getByLabel('Score from').fill('0.9')
  await page.keyboard.press('Enter')
  const chips = page.getByRole('list', { name: 'Active filters' })
  await expect(chips).toContainText('Score ≥ 0.9')
  await queue.press('v')
  const views = page.getByRole('dialog', { name: 'Saved views' })
  await expect(views.getByRole('textbox', { name: 'Save this view as' })).toBeFocused()
  await page.keyboard.type('Worst of it')
  await page.keyboard.press('Enter')
  await expect(views.getByRole('button', { name: 'Worst of it', exact: true })).toBeVisible()
  await page.keyboard.press('Escape')

  // Backspace takes the chip off; the saved view brings it back.
  await queue.press('Backspace')
  await expect(chips).toHaveCount(0)
  await queue.press('v')
  await expect(views.getByRole('button', { name: 'Worst of it', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(views).toHaveCount(0)
  await expect(chips).toContainText('Score ≥ 0.9')
  await expect(queue.grid).toBeFocused()
})

test('Esc clears a search made with Enter, and the queue comes back', async ({ page, queue }) => {
  const all = await queue.idsInView()
  await queue.press('/')
  await page.keyboard.type('affidavit')
  await page.keyboard.press('Enter')
  await expect(queue.rows.first()).toContainText(/affidavit/i)
  await queue.press('Escape')
  await expect(page.getByRole('searchbox', { name: 'Search comments' })).toHaveValue('')
  await expect(page.getByRole('button', { name: 'Sort: Worst first' })).toBeVisible()
  await expect.poll(() => queue.idsInView()).toEqual(all)
})
