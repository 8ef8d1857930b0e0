// Numbers a moderator can trust: the tabs count comments waiting behind "N new", the pace counts only
// decisions that stand, and a report's headline shows what stands, with what was made and undone apart.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../support/run-cli'
import { expect, test } from './support/fixtures'

test('the tabs count the comments waiting behind "N new" before they are shown', async ({ page, queue, sieve }) => {
  const waiting = await queue.count('Needs review')
  const all = await queue.count('All')
  const file = join(sieve.dbPath, '..', 'arrivals.ndjson')
  writeFileSync(file, [1, 2].map((i) => JSON.stringify({ id: `late-${i}`, text: `A late reader comment ${i}` })).join('\n'))
  expect(runCli(['import', file, '--db', sieve.dbPath]).code).toBe(0)

  await expect(page.getByRole('button', { name: '2 new' })).toBeVisible({ timeout: 15_000 })
  await expect.poll(() => queue.count('Needs review')).toBe(waiting + 2)
  expect(await queue.count('All')).toBe(all + 2)
})

test('the pace counts the decisions that stand: an undone one no longer counts, a redone one counts again', async ({ page, queue }) => {
  const pace = page.getByLabel('Pace this session')
  await expect(pace).toContainText(/^0 decided/)
  await queue.press('a')
  await expect(pace).toContainText(/^1 decided/)
  await queue.press('d')
  await expect(pace).toContainText(/^2 decided/)
  await queue.press('z')
  await expect(pace).toContainText(/^1 decided/)
  await queue.press('z')
  await expect(pace).toContainText(/^0 decided/)
  await queue.press('Shift+Z')
  await expect(pace).toContainText(/^1 decided/)
})

test('the report headline shows what stands: a bulk disable that was undone reads 0 disabled, made and undone apart', async ({ page, queue }) => {
  const likely = await queue.count('Likely violations')
  await queue.open('Likely violations')
  await queue.press('*')
  await queue.press('d')
  await queue.press('Enter')
  await expect.poll(() => queue.count('Disabled')).toBe(likely)
  await queue.press('z')
  await expect.poll(() => queue.count('Disabled')).toBe(0)
  await queue.press('a')
  await expect.poll(() => queue.count('Approved')).toBeGreaterThan(0)

  await queue.menu('Reports…')
  const dialog = page.getByRole('dialog', { name: 'Reports' })
  const tile = (label: string | RegExp) => dialog.locator('.report-tile').filter({ has: page.getByText(label, { exact: true }) }).locator('b')
  await expect(tile('disabled')).toHaveText('0')
  await expect(tile('approved')).toHaveText('1')
  await expect(tile('decisions standing')).toHaveText('1')
  await expect(tile('decisions made')).toHaveText(String(likely + 1))
  await expect(tile(/^undone/)).toHaveText(String(likely))
})
