// Two desktops on one team database (two browser-mode servers, each logged in as its own moderator):
// what one reads the other sees claimed and is refused, saying who; what one decides the other sees at
// once. (A decision on a version a teammate has since decided is refused too: tests/integration/team.)
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { runCliAsync } from '../support/run-cli'
import { loginName, teamDatabase } from '../support/team-database'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { startSieve, type SieveServer } from './support/sieve-server'
import { QueuePage } from './support/queue-page'

test('two moderators share one queue: claims visible, a claimed comment refused saying who, decisions live', async ({ browser }) => {
  test.setTimeout(180_000)
  const team = await teamDatabase()
  const [maya, ravi] = [loginName('maya'), loginName('ravi')]
  const passwords: Record<string, string> = { [maya]: team.addLogin(maya, true), [ravi]: team.addLogin(ravi) }
  const dir = mkdtempSync(join(tmpdir(), 'sieve-team-e2e-'))
  const file = join(dir, 'queue.ndjson')
  writeFileSync(file, Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `t${i + 1}`, text: `Team comment ${i + 1} on the monsoon session` })).join('\n') + '\n')
  const imported = await runCliAsync(['--db', team.urlFor(maya), 'import', file], { env: { PGPASSWORD: passwords[maya], XDG_CONFIG_HOME: dir } })
  expect(imported.code, imported.stderr).toBe(0)

  const servers: SieveServer[] = []
  try {
    const open = async (name: string) => {
      const server = await startSieve({ team: { url: team.urlFor(name), password: passwords[name] } })
      servers.push(server)
      const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage()
      await page.goto(server.url)
      const queue = new QueuePage(page)
      await expect(queue.rows.first()).toBeVisible()
      await queue.open('All')
      return queue
    }
    // Ravi's window first: a queue opened later skips what a teammate is reading; one already open marks it.
    const raviQueue = await open(ravi)
    const mayaQueue = await open(maya)
    await expect(mayaQueue.page.getByText(`${maya} · team`)).toBeVisible()

    // Maya's cursor is on the first comment: Ravi's window marks it as hers.
    const [first] = await mayaQueue.idsInView()
    await mayaQueue.row(first).click()
    await expect(raviQueue.row(first)).toHaveAttribute('data-claimed-by', maya, { timeout: 10_000 })
    await expect(raviQueue.row(first)).toContainText(`${maya} is reading`)

    // Ravi tries to decide it anyway: refused, and it stays as it was.
    await raviQueue.row(first).click()
    await raviQueue.press('a')
    await expect(raviQueue.page.getByRole('status').filter({ hasText: `${maya} is reading this comment` })).toBeVisible()
    await expect(raviQueue.row(first)).toHaveAttribute('data-status', 'pending')

    // Maya disables it: Ravi sees it at once.
    await mayaQueue.row(first).click()
    await mayaQueue.press('d')
    await expect(raviQueue.row(first)).toHaveAttribute('data-status', 'disabled', { timeout: 10_000 })

    // And so for every decision: Maya approves another, and Ravi's window shows it.
    const third = (await mayaQueue.idsInView())[2]
    await mayaQueue.row(third).click()
    await mayaQueue.press('a')
    await expect(raviQueue.row(third)).toHaveAttribute('data-status', 'approved', { timeout: 10_000 })
  } finally {
    for (const server of servers) await server.stop()
  }
})
