// The desktop app under Playwright's Electron driver. It runs where Electron's binary is installed and
// says plainly that it was skipped where it is not (this project's CI machines cannot download it).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { QueuePage } from './support/queue-page'

const ROOT = resolve(__dirname, '../..')

test('the desktop window opens on the demo queue, locked down, and triages by keyboard', async () => {
  const { installedElectron, ensureElectronSqlite } = await import(join(ROOT, 'scripts/electron.mjs'))
  const binary: string | null = installedElectron(ROOT)
  const skipped = !binary
    ? 'the Electron binary is not installed on this machine (its download needs a network this machine lacks); browser mode was tested instead'
    : !ensureElectronSqlite(ROOT)
      ? 'better-sqlite3 could not be built for Electron here'
      : null
  if (skipped) console.log(`SKIPPED the Electron test: ${skipped}.`)
  test.skip(skipped !== null, skipped ?? '')

  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT],
    env: { ...process.env, SIEVE_DB: join(mkdtempSync(join(tmpdir(), 'sieve-electron-')), 'sieve.db') }
  })
  try {
    const page = await app.firstWindow()
    // No Node in the renderer: only the narrow bridge.
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined'])
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { sieve: object }).sieve))).toEqual(['call'])

    const queue = new QueuePage(page)
    await expect(queue.rows.first()).toBeVisible()
    const first = await queue.cursorId()
    await queue.press('a')
    await expect(queue.row(first)).toHaveCount(0)
  } finally {
    await app.close()
  }
})
