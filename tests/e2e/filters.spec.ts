// Filters as chips, saved views, comments arriving behind "N new", the Undo toast after a bulk decision,
// and the clause picker's type-to-filter with `n` for a note.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../support/run-cli'
import { expect, test } from './support/fixtures'

test('f filters by the comment’s author; chips show and remove filters; a saved view survives a reload', async ({ page, queue }) => {
  const author = await queue.cursorRow.locator('.col-authorName .clip').innerText()
  await queue.press('f')
  const dialog = page.getByRole('dialog', { name: 'Filter the view' })
  await dialog.getByRole('button', { name: "This comment's author" }).click()
  await dialog.getByLabel('Score from').fill('0.5')
  await page.keyboard.press('Enter')

  const chips = page.getByRole('list', { name: 'Active filters' })
  await expect(chips).toContainText(`Author: ${author}`)
  await expect(chips).toContainText('Score ≥ 0.5')
  // Every row is theirs: the Author column, the same on every row, steps aside; each row still names them.
  await expect(queue.grid.getByRole('columnheader', { name: 'Author' })).toHaveCount(0)
  const authors = await queue.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')!.split(':')[0]))
  expect(authors.length).toBeGreaterThan(0)
  expect(new Set(authors)).toEqual(new Set([author]))

  await queue.press('v')
  await page.getByLabel('Save this view as').fill('This troll')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Remove filter Score ≥ 0.5' }).click()
  await expect(chips).not.toContainText('Score')
  await page.getByRole('button', { name: `Remove filter Author: ${author}` }).click()
  await expect(chips.getByRole('listitem')).toHaveCount(0)

  await page.reload()
  await expect(queue.rows.first()).toBeVisible()
  await page.getByRole('button', { name: 'Views…' }).click()
  await page.getByRole('dialog', { name: 'Saved views' }).getByRole('button', { name: 'This troll', exact: true }).click()
  await expect(chips).toContainText('Score ≥ 0.5')
  await expect
    .poll(async () => new Set(await queue.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')!.split(':')[0]))))
    .toEqual(new Set([author]))
})

test('comments that arrive wait behind "N new"; the cursor stays on its comment', async ({ page, queue, sieve }) => {
  await queue.press('j')
  await queue.press('j')
  const before = await queue.cursorId()
  const waiting = await queue.count('Needs review')
  const file = join(sieve.dbPath, '..', 'arrivals.ndjson')
  const arrivals = [1, 2, 3].map((i) => ({ id: `late-${i}`, text: `A late reader comment number ${i}`, author: { id: `late-${i}`, name: 'Late' } }))
  writeFileSync(file, arrivals.map((line) => JSON.stringify(line)).join('\n'))
  expect(runCli(['import', file, '--db', sieve.dbPath]).code).toBe(0)

  const button = page.getByRole('button', { name: '3 new' })
  await expect(button).toBeVisible({ timeout: 15_000 })
  expect(await queue.cursorId()).toBe(before)
  await button.click()
  await expect(button).toBeHidden()
  expect(await queue.cursorId()).toBe(before)
  await expect.poll(() => queue.count('Needs review')).toBe(waiting + 3)
  await queue.press('/')
  await page.keyboard.type('late reader')
  await page.keyboard.press('Enter')
  await expect(queue.rows).toHaveCount(3)
})

test('a bulk decision offers Undo in a toast; the clause picker narrows as you type and n adds a note', async ({ page, queue }) => {
  await queue.press('x')
  await queue.press('j')
  await queue.press('x')
  const chosen = await queue.grid.locator('[role=row][aria-selected=true]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-comment-id')))
  const removed = await queue.count('Removed')
  await queue.press('r')
  const picker = page.getByRole('dialog')
  await page.keyboard.type('thr')
  await expect(picker.getByRole('option')).toHaveCount(1)
  await expect(picker.getByRole('option')).toContainText('Threat of violence')
  await queue.press('n')
  await expect(picker.getByRole('textbox')).toBeFocused()
  await page.keyboard.type('pile-on under the Kursk story')
  // Enter in the note goes back to the clauses; Enter there removes under the one highlighted.
  await page.keyboard.press('Enter')
  await expect(picker.getByRole('option', { selected: true })).toContainText('Threat of violence')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alertdialog')).toContainText('Remove 2 comments under “threat”?')
  await page.keyboard.press('Enter')
  await expect.poll(() => queue.count('Removed')).toBe(removed + 2)

  const toast = page.getByRole('region', { name: 'Bulk decision' })
  await expect(toast).toContainText('Removed 2 comments')
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(() => queue.count('Removed')).toBe(removed)
  await expect(toast).toBeHidden()
  for (const id of chosen) await expect(queue.row(id!)).toHaveCount(1)
})

test('the scoring screen: a banned word is matched through leetspeak, highlighted and named in the detail pane', async ({ page, queue }) => {
  await queue.menu('Scoring…')
  const dialog = page.getByRole('dialog', { name: 'Scoring' })
  await dialog.getByRole('textbox', { name: 'Banned' }).fill('idiots')
  await dialog.getByLabel('Put comments with a banned or suspect word in Likely violations').check()
  await dialog.getByRole('button', { name: 'Save and re-check comments' }).click()
  await expect(dialog).toContainText(/\d+ comments match a word list/)
  await dialog.getByRole('button', { name: 'Close' }).click()

  await queue.press('f')
  const filters = page.getByRole('dialog', { name: 'Filter the view' })
  await filters.getByLabel('Word lists').selectOption('banned')
  await filters.getByRole('button', { name: 'Apply (Enter)' }).click()
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Word list: banned')
  // c0005 writes it "id1ots".
  await expect(queue.row('c0005')).toHaveCount(1)
  await queue.row('c0005').click()
  await expect(queue.row('c0005').locator('mark[data-attribute=banned]')).toHaveText('id1ots')
  await queue.press('o')
  await expect(page.getByRole('complementary', { name: 'Comment detail' })).toContainText('banned word idiots (written “id1ots”)')
})
