// Regenerates the README's screenshots from the demo queue in browser mode: `npm run screenshots`.
// Also the main screen at 1280×720 and at 200% zoom of that window (640×360 CSS pixels, drawn twice as
// dense), as docs/round2/after-1280.png and after-200.png.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { chromiumLaunchOptions } from '../tests/e2e/support/chromium'
import { startSieve } from '../tests/e2e/support/sieve-server'

const DOCS = resolve(__dirname, '../docs')

async function mainScreenAt(browser: Browser, url: string, name: string, viewport: { width: number; height: number }, zoom: number) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: zoom })
  await page.goto(url)
  await page.getByRole('tab', { name: /^All \d/ }).waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: `${DOCS}/round2/${name}.png` })
  await page.close()
}

async function main(): Promise<void> {
  // As a desktop starts (no --db): the demo queue in a data folder of its own, where a team can be chosen.
  const sieve = await startSieve({ home: mkdtempSync(join(tmpdir(), 'sieve-screenshots-')) })
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    await mainScreenAt(browser, sieve.url, 'after-1280', { width: 1280, height: 720 }, 1)
    await mainScreenAt(browser, sieve.url, 'after-200', { width: 640, height: 360 }, 2)
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme })
      await page.goto(sieve.url)
      await page.locator('[role=row][data-comment-id]').first().waitFor()
      await page.getByRole('tab', { name: /^All \d/ }).waitFor()
      await page.waitForTimeout(500)
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
        await page.keyboard.press('ArrowDown')
        await page.screenshot({ path: `${DOCS}/clause-picker.png` })
        await page.keyboard.press('Escape')
        await page.keyboard.press('?')
        await page.getByRole('dialog', { name: 'Keyboard' }).waitFor()
        await page.screenshot({ path: `${DOCS}/key-map.png` })
        await page.keyboard.press('Escape')
        await page.keyboard.press('f')
        const filters = page.getByRole('dialog', { name: 'Filter the view' })
        await filters.getByRole('button', { name: "This comment's article" }).click()
        await filters.getByLabel('Score from').fill('0.5')
        await filters.getByRole('button', { name: 'Apply (Enter)' }).click()
        await page.getByRole('list', { name: 'Active filters' }).getByRole('listitem').nth(1).waitFor()
        await page.waitForTimeout(300)
        await page.screenshot({ path: `${DOCS}/filters.png` })
        await page.keyboard.press('m')
        await page.getByRole('menuitem', { name: 'Scoring…' }).click()
        await page.getByRole('dialog', { name: 'Scoring' }).locator('tr[data-scorer=local]').waitFor()
        await page.screenshot({ path: `${DOCS}/scoring-settings.png` })
        await page.keyboard.press('Escape')
        await page.keyboard.press('m')
        await page.getByRole('menuitem', { name: 'Team database…' }).click()
        await page.getByRole('dialog', { name: 'Team database' }).getByLabel('Address').fill('postgres://asha@db.newsroom.example:5432/newsroom')
        await page.screenshot({ path: `${DOCS}/team-database.png` })
      }
      await page.close()
    }
  } finally {
    await browser.close()
    await sieve.stop()
  }
}

void main()
