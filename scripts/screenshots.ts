// Regenerates the README's screenshots from the demo queue in browser mode: `npm run screenshots`.
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumLaunchOptions } from '../tests/e2e/support/chromium'
import { startSieve } from '../tests/e2e/support/sieve-server'

const DOCS = resolve(__dirname, '../docs')

async function main(): Promise<void> {
  const sieve = await startSieve()
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme })
      await page.goto(sieve.url)
      await page.locator('[role=row][data-comment-id]').first().waitFor()
      await page.getByRole('tab', { name: /^All \d/ }).waitFor()
      await page.screenshot({ path: `${DOCS}/main-screen${colorScheme === 'dark' ? '-dark' : ''}.png` })
      if (colorScheme === 'light') {
        await page.keyboard.press('j')
        await page.keyboard.press('o')
        await page.getByRole('complementary', { name: 'Comment detail' }).getByText('Why it scored').waitFor()
        await page.screenshot({ path: `${DOCS}/detail-pane.png` })
        await page.keyboard.press('Escape')
        await page.keyboard.press('h')
        await page.getByRole('region', { name: 'Score bands' }).locator('.bar').first().waitFor()
        await page.waitForTimeout(300)
        await page.screenshot({ path: `${DOCS}/score-bands.png` })
        await page.keyboard.press('h')
        await page.keyboard.press('r')
        await page.getByRole('dialog').waitFor()
        await page.screenshot({ path: `${DOCS}/reason-picker.png` })
        await page.keyboard.press('Escape')
        await page.keyboard.press('?')
        await page.screenshot({ path: `${DOCS}/key-map.png` })
        await page.keyboard.press('Escape')
        await page.keyboard.press('f')
        const filters = page.getByRole('dialog', { name: 'Filter the view' })
        await filters.getByRole('button', { name: "This comment's article" }).click()
        await filters.getByLabel('Score from').fill('0.5')
        await filters.getByRole('button', { name: 'Apply (Enter)' }).click()
        await page.getByRole('list', { name: 'Active filters' }).getByRole('listitem').nth(1).waitFor()
        await page.screenshot({ path: `${DOCS}/filters.png` })
        await page.getByRole('button', { name: 'Scoring…' }).click()
        await page.getByRole('dialog', { name: 'Scoring' }).locator('tr[data-scorer=local]').waitFor()
        await page.screenshot({ path: `${DOCS}/scoring-settings.png` })
      }
      await page.close()
    }
  } finally {
    await browser.close()
    await sieve.stop()
  }
}

void main()
