// The browser-mode fixtures every end-to-end test starts from: a fresh Sieve on the demo queue, and the
// page open on it with the first rows shown. Any Content-Security-Policy violation on the page fails the test.
import { test as base, expect } from '@playwright/test'
import { QueuePage } from './queue-page'
import { startSieve, type SieveServer } from './sieve-server'

export const test = base.extend<{ sieve: SieveServer; queue: QueuePage; cspViolations: string[] }>({
  // Playwright reads a fixture's dependencies from its first argument: this one needs none.
  // eslint-disable-next-line no-empty-pattern
  sieve: async ({}, use) => {
    const sieve = await startSieve()
    await use(sieve)
    await sieve.stop()
  },
  cspViolations: async ({ page }, use) => {
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    await use(violations)
    expect(violations, 'the page broke its Content Security Policy').toEqual([])
  },
  queue: async ({ page, sieve, cspViolations }, use) => {
    void cspViolations
    await page.goto(sieve.url)
    const queue = new QueuePage(page)
    await expect(queue.rows.first()).toBeVisible()
    await use(queue)
  }
})

export { expect }
