// Two desktops on one team database (two browser-mode servers, each logged in as its own moderator):
// what one reads the other sees claimed and is refused, saying who; what one decides the other sees at
// once. (A decision on a version a teammate has since decided is refused too: tests/integration/team.)
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { runCliAsync } from '../support/run-cli'
import { loginName, teamDatabase } from '../support/team-database'
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

test('a moderator connects to the team database from the app, works on its queue, and leaves it again', async ({ browser }) => {
  test.setTimeout(120_000)
  const team = await teamDatabase()
  const asha = loginName('asha')
  const password = team.addLogin(asha)
  const lead = loginName('lead')
  const leadPassword = team.addLogin(lead, true)
  const home = mkdtempSync(join(tmpdir(), 'sieve-home-e2e-'))
  const file = join(home, 'team.ndjson')
  writeFileSync(file, JSON.stringify({ id: 'team-1', text: 'A comment waiting on the team queue' }) + '\n')
  const imported = await runCliAsync(['--db', team.urlFor(lead), 'import', file], { env: { PGPASSWORD: leadPassword, XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'sieve-cli-')) } })
  expect(imported.code, imported.stderr).toBe(0)

  const server = await startSieve({ home })
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage()
    await page.goto(server.url)
    const queue = new QueuePage(page)
    await expect(queue.rows.first()).toBeVisible()
    await expect(page.locator('.who .team')).toHaveCount(0)

    await queue.menu('Team database…')
    const dialog = page.getByRole('dialog', { name: 'Team database' })
    await dialog.getByLabel('Address').fill(team.urlFor(asha))
    await dialog.getByLabel('Password').fill('a wrong password')
    await dialog.getByRole('button', { name: 'Connect' }).click()
    await expect(dialog.getByRole('alert')).toContainText('password authentication failed')

    await dialog.getByLabel('Password').fill(password)
    await dialog.getByRole('button', { name: 'Connect' }).click()
    // The window reopens on the team's queue, logged in as Asha.
    await expect(page.getByText(`${asha} · team ${team.name}`)).toBeVisible({ timeout: 20_000 })
    await queue.open('All')
    await expect(queue.rows).toHaveCount(1)
    await expect(queue.rows.first()).toContainText('A comment waiting on the team queue')

    await queue.menu('Team database…')
    await page.getByRole('dialog', { name: 'Team database' }).getByRole('button', { name: 'Leave the team database' }).click()
    await expect(page.locator('.who .team')).toHaveCount(0, { timeout: 20_000 })
    await expect(queue.rows.first()).toBeVisible()
    await expect(page.getByText('A comment waiting on the team queue')).toHaveCount(0)
  } finally {
    await server.stop()
  }
})

test('a team database that cannot be opened any more opens the desktop’s own, saying why, and can be forgotten', async ({ browser }) => {
  const home = mkdtempSync(join(tmpdir(), 'sieve-home-e2e-'))
  mkdirSync(join(home, 'sieve'), { recursive: true })
  writeFileSync(join(home, 'sieve', 'store.json'), JSON.stringify({ team: 'postgres://asha@127.0.0.1:9/gone' }))
  const server = await startSieve({ home })
  try {
    const page = await browser.newPage()
    await page.goto(server.url)
    const queue = new QueuePage(page)
    await expect(queue.rows.first()).toBeVisible()
    const problem = page.locator('.store-problem')
    await expect(problem).toContainText("The team database could not be opened, so Sieve opened this desktop's own database.")
    await problem.getByRole('button', { name: 'Team database…' }).click()
    await page.getByRole('dialog', { name: 'Team database' }).getByRole('button', { name: 'Forget that team database' }).click()
    await expect(problem).toHaveCount(0, { timeout: 20_000 })
    await expect(queue.rows.first()).toBeVisible()
  } finally {
    await server.stop()
  }
})
