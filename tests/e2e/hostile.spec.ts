// The hostile corpus in Chromium: a queue of nothing but attacks. Nothing runs (no dialog, no script, no
// navigation, no CSP violation), the text shows literally, no javascript:/data: link is clickable, and
// the layout holds (a row is never taller than four lines of text, no page-wide overflow), in the table
// and in the detail pane.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../support/run-cli'
import { hostileComments, PWNED_FLAG } from '../support/hostile'
import { expect, test } from './support/fixtures'
import { QueuePage } from './support/queue-page'
import { startSieve } from './support/sieve-server'

/** Four lines of 14 px text at a line height of 1.4, and the row's padding and border. */
const ROW_AT_MOST = 4 * 14 * 1.4 + 12 + 1

test('a queue of attacks shows as text; nothing executes, navigates or breaks the layout', async ({ page, cspViolations }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sieve-hostile-'))
  const dbPath = join(dir, 'sieve.db')
  const file = join(dir, 'hostile.ndjson')
  const comments = hostileComments()
  writeFileSync(file, comments.map((comment) => JSON.stringify(comment)).join('\n'))
  expect(runCli(['import', file, '--db', dbPath]).code).toBe(0)
  expect(runCli(['score', '--db', dbPath]).code).toBe(0)
  const sieve = await startSieve({ dbPath })
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  try {
    await page.goto(sieve.url)
    const queue = new QueuePage(page)
    await expect(queue.rows.first()).toBeVisible()
    const address = page.url()

    const width = page.viewportSize()!.width
    const visited: string[] = []
    for (let i = 0; i < comments.length; i++) {
      const row = queue.cursorRow
      expect((await row.boundingBox())!.height).toBeLessThanOrEqual(ROW_AT_MOST)
      visited.push(await queue.cursorId())
      // Markup shows as the characters it is made of.
      if (visited.at(-1) === 'hostile-script') await expect(row).toContainText('<script>')
      await queue.press('o')
      await expect(page.getByRole('complementary', { name: 'Comment detail' })).toBeVisible()
      await queue.press('Escape')
      await queue.press('j')
    }
    expect(visited).toContain('hostile-script')
    expect(visited).toContain('hostile-deepNesting')
    await queue.press('o')
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width)
    expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i], iframe, img[onerror], svg[onload]').count()).toBe(0)
    expect(await page.evaluate(`window.${PWNED_FLAG}`)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(page.url()).toBe(address)
    expect(cspViolations).toEqual([])
  } finally {
    await sieve.stop()
  }
})
