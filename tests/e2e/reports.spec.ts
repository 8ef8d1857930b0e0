// The Reports screen in browser mode: the preview's numbers and charts, the exported HTML opening offline
// with its charts drawn, the DSA export, and the audit trail from the detail pane.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, test } from './support/fixtures'

// The screenshots shown in the README are refreshed with UPDATE_DOCS=1; other runs keep theirs with the test's output.
const screenshotPath = (name: string) => (process.env.UPDATE_DOCS ? resolve(__dirname, '../../docs', name) : test.info().outputPath(name))

test('a moderator previews and exports reports of the decisions just made, and reads a comment’s audit trail', async ({ page, queue }) => {
  const blocked: string[] = []
  page.on('console', (message) => /Content Security Policy/i.test(message.text()) && blocked.push(message.text()))

  // Two decisions: a removal under the first clause, then an approval.
  const approvedAtStart = await queue.count('Approved')
  const removed = await queue.cursorId()
  await queue.press('r')
  await queue.press('1')
  await expect(queue.row(removed)).toHaveCount(0)
  await queue.press('a')
  await expect.poll(() => queue.count('Approved')).toBe(approvedAtStart + 1)

  await queue.menu('Reports…')
  const dialog = page.getByRole('dialog', { name: 'Reports' })
  const tile = (label: string) => dialog.locator('.report-tile', { hasText: label }).first()
  await expect(tile('decisions')).toContainText('2')
  await expect(tile('removed')).toContainText('1')
  await expect(tile('approved')).toContainText('1')
  // The charts arrive as SVG images and render (an image that failed to load has no natural width).
  const charts = dialog.getByRole('img')
  await expect(charts).toHaveCount(4)
  await expect.poll(() => charts.evaluateAll((images) => images.every((image) => (image as unknown as { naturalWidth: number }).naturalWidth > 0))).toBe(true)
  await page.screenshot({ path: screenshotPath('reports-screen.png') })
  // Keys typed in the dialog stay there: "a" on a control approves nothing.
  await dialog.getByRole('button', { name: 'Summary (HTML)' }).focus()
  await page.keyboard.press('a')
  await expect.poll(() => queue.count('Approved')).toBe(approvedAtStart + 1)

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Summary (HTML)' }).click()])
  // Saved under its own name: a file:// page is HTML only with the .html ending.
  expect(download.suggestedFilename()).toMatch(/^sieve-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.html$/)
  const htmlPath = join(mkdtempSync(join(tmpdir(), 'sieve-report-')), download.suggestedFilename())
  await download.saveAs(htmlPath)
  expect(readFileSync(htmlPath, 'utf8')).toContain('moderation report')

  const statementsLine = dialog.getByLabel('Statements of reasons')
  await expect(statementsLine).toContainText('1 statement of reasons in this period, none exported yet.')
  const [sor] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Statements of reasons (DSA)' }).click()])
  const [batch] = JSON.parse(readFileSync((await sor.path())!, 'utf8'))
  expect(batch.statements).toHaveLength(1)
  expect(batch.statements[0]).toMatchObject({ decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'], category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE' })
  // The screen remembers that it went out: exporting again writes nothing new unless asked to repeat.
  await expect(statementsLine).toContainText('1 statement of reasons in this period, all exported before')
  await expect(statementsLine).toContainText('The DSA export writes the 0 not exported yet.')
  await expect(dialog.getByRole('status')).toContainText('1 statement of reasons in 1 batch of at most 100.')
  const [again] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Statements of reasons (DSA)' }).click()])
  expect(JSON.parse(readFileSync((await again.path())!, 'utf8'))).toEqual([])
  await expect(dialog.getByRole('status')).toContainText('1 exported before was left out')
  await dialog.getByRole('checkbox', { name: 'Include those exported before' }).check()
  await expect(statementsLine).toContainText('The DSA export writes all 1.')
  const [repeated] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Statements of reasons (DSA)' }).click()])
  expect(JSON.parse(readFileSync((await repeated.path())!, 'utf8'))[0].statements).toHaveLength(1)

  await dialog.getByRole('button', { name: 'Close' }).last().click()
  await expect(dialog).toHaveCount(0)
  expect(blocked).toEqual([])

  // The HTML report opens on its own, offline: no request but the file itself, and its charts are drawn.
  const report = await page.context().newPage()
  const requests: string[] = []
  report.on('request', (request) => requests.push(request.url()))
  await report.setViewportSize({ width: 900, height: 1200 })
  await report.goto(pathToFileURL(htmlPath).toString())
  expect(requests).toEqual([pathToFileURL(htmlPath).toString()])
  const svgs = report.locator('figure svg')
  await expect(svgs).toHaveCount(4)
  for (const box of await svgs.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height))) expect(box).toBeGreaterThan(50)
  // The removal's bar, in the removal colour.
  await expect(report.locator('figure svg path[fill="#c62828"]').first()).toBeVisible()
  await report.screenshot({ path: screenshotPath('report-summary.png'), fullPage: true })
  await report.close()

  // The audit trail, from the detail pane of the removed comment.
  await queue.open('Removed')
  await queue.row(removed).click()
  await queue.press('Enter')
  const pane = page.getByRole('complementary', { name: 'Comment detail' })
  await pane.getByRole('button', { name: 'Audit trail…' }).click()
  const audit = page.getByRole('dialog', { name: `Audit trail of comment ${removed}` })
  await expect(audit.getByRole('row')).toHaveCount(2)
  await expect(audit.getByRole('row').nth(1)).toContainText('remove (pending → removed)')
  await expect(audit.getByRole('row').nth(1)).toContainText('Abusive')
  await page.keyboard.press('Escape')
  await expect(audit).toHaveCount(0)
})

test('the Reports screen counts decisions per shift, and takes the newsroom’s own shifts and clock', async ({ page, queue }) => {
  await queue.press('a')
  await queue.menu('Reports…')
  const dialog = page.getByRole('dialog', { name: 'Reports' })
  const shifts = dialog.getByRole('table', { name: 'Decisions per shift' })
  await expect(shifts.getByRole('row')).toHaveCount(2)
  await expect(dialog.getByText('Shifts on UTC time: Early from 06:00, Late from 14:00, Night from 22:00.')).toBeVisible()

  await dialog.getByRole('button', { name: 'Change shifts' }).click()
  await dialog.getByLabel('Time zone').fill('Mars/Olympus')
  await dialog.getByRole('button', { name: 'Save shifts' }).click()
  await expect(dialog.getByRole('alert')).toContainText('not a time zone')

  // One shift the whole day round: whenever the test runs, today's decision is in it.
  await dialog.getByLabel('Time zone').fill('Asia/Kolkata')
  await dialog.getByLabel('Shifts and their starts').fill('Desk=00:00')
  await dialog.getByRole('button', { name: 'Save shifts' }).click()
  await expect(dialog.getByText('Shifts on Asia/Kolkata time: Desk from 00:00.')).toBeVisible()
  await expect(shifts.getByRole('row').nth(1)).toContainText('Desk')
})
