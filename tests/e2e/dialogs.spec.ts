/// <reference lib="dom" />
// Every dialog takes the focus, keeps it, closes on Esc and gives the focus back to the grid, where the
// keys work again: tried from the keyboard, as a moderator who never touches the mouse would.
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import type { QueuePage } from './support/queue-page'

/** Opens an item of the More menu from the keyboard: m, then arrows to it, then Enter. */
async function fromMenu(page: Page, item: string): Promise<void> {
  await page.keyboard.press('m')
  const menu = page.getByRole('menu', { name: 'More actions' })
  await expect(menu).toBeVisible()
  for (let step = 0; step < 25; step++) {
    if ((await menu.getByRole('menuitem', { name: item }).evaluate((element) => element === document.activeElement)) === true) break
    await page.keyboard.press('ArrowDown')
  }
  await expect(menu.getByRole('menuitem', { name: item })).toBeFocused()
  await page.keyboard.press('Enter')
}

const focusInside = (page: Page, name: string) =>
  page.getByRole('dialog', { name }).evaluate((dialog) => dialog.contains(document.activeElement) && document.activeElement !== dialog)

/** The dialog has the focus, Tab never leaves it, Esc closes it, the grid has the focus again and j moves. */
async function checkDialog(page: Page, queue: QueuePage, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  await expect.poll(() => focusInside(page, name), `${name} takes the focus`).toBe(true)
  for (let tab = 0; tab < 40; tab++) {
    await page.keyboard.press('Tab')
    expect(await focusInside(page, name), `Tab ${tab + 1} stays inside ${name}`).toBe(true)
  }
  // Keys meant for the queue do nothing while the dialog is open.
  const cursor = await queue.cursorId()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(queue.grid).toBeFocused()
  expect(await queue.cursorId()).toBe(cursor)
  await queue.press('j')
  await expect.poll(() => queue.cursorId()).not.toBe(cursor)
}

test('f opens Filters with the focus in it: Enter applies, Esc closes, and the keys come back', async ({ page, queue }) => {
  await queue.press('f')
  const dialog = page.getByRole('dialog', { name: 'Filter the view' })
  await expect(dialog.getByRole('textbox', { name: 'Article id' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('textbox', { name: 'Author id' })).toBeFocused()
  await page.keyboard.type('no-such-author')
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Author: no-such-author')
  await expect(queue.grid).toBeFocused()
  await queue.press('Backspace')
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0)
  await expect(queue.rows.first()).toBeVisible()

  await queue.press('f')
  await checkDialog(page, queue, 'Filter the view')
})

for (const [item, name] of [
  ['Import…', 'Import comments'],
  ['Sources…', 'Sources'],
  ['Scoring…', 'Scoring'],
  ['Columns…', 'Columns'],
  ['Keys…', 'Keyboard settings'],
  ['Reports…', 'Reports']
]) {
  test(`${item} from the menu takes the focus, keeps it, and Esc gives it back to the grid`, async ({ page, queue }) => {
    await fromMenu(page, item)
    await checkDialog(page, queue, name)
  })
}

test('v (saved views), ! (escalate) and ? (the key map) are dialogs like any other', async ({ page, queue }) => {
  await queue.press('v')
  await checkDialog(page, queue, 'Saved views')
  await queue.press('!')
  await checkDialog(page, queue, 'Escalate this comment for a second opinion')
  await queue.press('?')
  await checkDialog(page, queue, 'Keyboard')
})

test('Reports closes on Esc after an export too', async ({ page, queue }) => {
  await queue.press('a')
  await fromMenu(page, 'Reports…')
  const dialog = page.getByRole('dialog', { name: 'Reports' })
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Decision log (CSV)' }).click()])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  await expect(dialog.getByRole('button', { name: 'Decision log (CSV)' })).toBeEnabled()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await queue.press('j')
  await expect(queue.grid).toBeFocused()
})

test('? opens the key map at its top, at 1280×720', async ({ page, queue }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await queue.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard' })
  await expect(dialog.getByRole('heading', { name: 'Keyboard' })).toBeInViewport()
  await expect(dialog.getByRole('button', { name: 'Next comment' })).toBeInViewport()
  expect(await dialog.evaluate((element) => element.scrollHeight > element.clientHeight && element.scrollTop === 0)).toBe(true)
})
