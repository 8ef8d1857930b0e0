// The browser-mode fixtures every end-to-end test starts from: a fresh Sieve on the demo queue, and the
// page open on it with the first rows shown.
import { test as base, expect } from '@playwright/test'
import { QueuePage } from './queue-page'
import { startSieve, type SieveServer } from './sieve-server'

export const test = base.extend<{ sieve: SieveServer; queue: QueuePage }>({
  // eslint-style empty pattern: this fixture needs no other.
  sieve: async ({}, use) => {
    const sieve = await startSieve()
    await use(sieve)
    await sieve.stop()
  },
  queue: async ({ page, sieve }, use) => {
    await page.goto(sieve.url)
    const queue = new QueuePage(page)
    await expect(queue.rows.first()).toBeVisible()
    await use(queue)
  }
})

export { expect }
