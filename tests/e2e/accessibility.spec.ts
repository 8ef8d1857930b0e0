// Every reader: axe (WCAG 2.2 AA rules) finds nothing serious or critical on any screen or dialog, in the
// light theme and the dark one; and a screen reader hears the comment the cursor lands on.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

async function expectNoSeriousFindings(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`)
  expect(serious, `axe on ${where}`).toEqual([])
}

/** Opens a dialog, checks it, closes it with Esc. */
async function checkDialog(page: Page, open: () => Promise<void>, name: string, theme: string): Promise<void> {
  await open()
  const dialog = page.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  await page.waitForTimeout(300)
  await expectNoSeriousFindings(page, `${name} (${theme})`)
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test(`every screen and dialog passes axe (${colorScheme})`, async ({ page, queue }) => {
      test.setTimeout(180_000)
      await expect(queue.tab('All')).toContainText(/\d/)
      await expectNoSeriousFindings(page, `the main screen (${colorScheme})`)

      // A selection, the detail pane, the score bands, a filter chip, the menu.
      await queue.press('x')
      await queue.press('j')
      await queue.press('o')
      await expect(page.getByRole('complementary', { name: 'Comment detail' })).toContainText('Scores')
      await queue.press('h')
      await expect(page.getByRole('region', { name: 'Score bands' })).toBeVisible()
      await expectNoSeriousFindings(page, `selection, detail pane and score bands (${colorScheme})`)
      await queue.press('Escape')
      await queue.press('Escape')
      await queue.press('h')
      await queue.press('m')
      await expect(page.getByRole('menu', { name: 'More actions' })).toBeVisible()
      await expectNoSeriousFindings(page, `the menu (${colorScheme})`)
      await page.keyboard.press('Escape')

      const menu = (item: string) => () => queue.menu(item)
      const key = (name: string) => () => queue.press(name)
      await checkDialog(page, key('f'), 'Filter the view', colorScheme)
      await checkDialog(page, key('r'), 'Remove this comment: which clause does it break?', colorScheme)
      await checkDialog(page, key('!'), 'Escalate this comment for a second opinion', colorScheme)
      await checkDialog(page, key('?'), 'Keyboard', colorScheme)
      await checkDialog(page, key('v'), 'Saved views', colorScheme)
      await checkDialog(page, menu('Import…'), 'Import comments', colorScheme)
      await checkDialog(page, menu('Sources…'), 'Sources', colorScheme)
      await checkDialog(page, menu('Scoring…'), 'Scoring', colorScheme)
      await checkDialog(page, menu('Columns…'), 'Columns', colorScheme)
      await checkDialog(page, menu('Keys…'), 'Keyboard settings', colorScheme)
      await checkDialog(page, menu('Reports…'), 'Reports', colorScheme)
      await checkDialog(page, menu('Team database…'), 'Team database', colorScheme)

      // A bulk confirmation, and the toast after it.
      await queue.press('x')
      await queue.press('j')
      await queue.press('x')
      await queue.press('a')
      await expect(page.getByRole('alertdialog')).toBeVisible()
      await expectNoSeriousFindings(page, `the confirmation (${colorScheme})`)
      await queue.press('Enter')
      await expect(page.getByRole('region', { name: 'Bulk decision' })).toBeVisible()
      await expectNoSeriousFindings(page, `the undo toast (${colorScheme})`)

      // Other queues: decided rows carry their status colours.
      for (const label of ['Approved', 'Escalated', 'All']) {
        await queue.open(label)
        await expectNoSeriousFindings(page, `${label} (${colorScheme})`)
      }
    })
  })
}

test('the grid takes the focus and names the comment under the cursor, so a screen reader reads it on j and k', async ({ page, queue }) => {
  await expect(queue.grid).toBeFocused()
  const active = async () => {
    const id = await queue.grid.getAttribute('aria-activedescendant')
    return page.locator(`[id="${id}"]`)
  }
  const first = await active()
  await expect(first).toHaveAttribute('aria-current', 'true')
  const text = await queue.cursorRow.locator('.comment-text').innerText()
  await expect(first).toHaveAccessibleName(new RegExp(text.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))

  await queue.press('j')
  const second = await active()
  await expect(second).toHaveAttribute('aria-current', 'true')
  await expect(second).not.toHaveAttribute('id', (await first.getAttribute('id'))!)
  const name = await second.evaluate((row) => row.getAttribute('aria-label'))
  expect(name).toMatch(/: .+ — \w[\w ]* \d+%, pending/)
})
