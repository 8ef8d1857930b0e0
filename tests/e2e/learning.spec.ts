// Scores that fit this newsroom, as a moderator meets them: the Teach Sieve tab, the clause picker that
// opens on the suggested clause, and the model's lineage on the Scoring screen.
import Database from 'better-sqlite3'
import { runCli } from '../support/run-cli'
import { expect, test } from './support/fixtures'

/** The served database, as a second connection (the server keeps its own). */
function database(path: string): Database.Database {
  const db = new Database(path)
  db.pragma('busy_timeout = 5000')
  return db
}

test('the Teach Sieve tab lists pending comments, least sure first', async ({ page, queue, sieve }) => {
  await expect(queue.tab('Teach Sieve')).toBeVisible()
  expect(await queue.count('Teach Sieve')).toBe(await queue.count('Needs review'))
  await queue.open('Teach Sieve')
  await expect(page.getByRole('button', { name: 'Sort: Least sure first' })).toBeVisible()
  const db = database(sieve.dbPath)
  const least = db.prepare("SELECT external_id AS id FROM comments WHERE status = 'pending' ORDER BY teach_rank DESC, id DESC LIMIT 1").get() as { id: string }
  db.close()
  await expect.poll(() => queue.cursorId()).toBe(least.id)
})

test('r opens the clause picker on the suggested clause, in view; arrows still move; Enter removes under it', async ({ page, queue, sieve }) => {
  const id = await queue.cursorId()
  // Arranged: this newsroom's removals taught Sieve that this comment is a privacy matter.
  const db = database(sieve.dbPath)
  db.prepare("UPDATE comments SET suggested_clause = 'privacy' WHERE external_id = ?").run(id)
  db.close()
  await page.reload()
  await expect.poll(() => queue.cursorId()).toBe(id)
  const removed = await queue.count('Removed')

  await queue.press('r')
  const picker = page.getByRole('dialog', { name: /which clause/ })
  const chosen = picker.getByRole('option', { selected: true })
  await expect(chosen).toContainText('Privacy')
  await expect(chosen).toContainText('suggested')
  await expect(chosen).toBeInViewport()
  await page.keyboard.press('ArrowDown')
  await expect(chosen).toContainText('Sexual content')
  await page.keyboard.press('Escape')
  await expect(picker).toHaveCount(0)

  await queue.press('r')
  await expect(chosen).toContainText('Privacy')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveCount(0)
  await expect(queue.row(id)).toHaveCount(0)
  await expect.poll(() => queue.count('Removed')).toBe(removed + 1)
  await queue.open('Removed')
  await queue.row(id).click()
  await queue.press('o')
  await expect(page.getByRole('complementary', { name: 'Comment detail' })).toContainText('Privacy')
})

test("the Scoring screen shows the model's lineage: a learning curve and the table behind it", async ({ page, queue, sieve }) => {
  const act = (...args: string[]) => expect(runCli(['--db', sieve.dbPath, 'act', ...args, '--moderator', 'e2e']).code).toBe(0)
  act('remove', '--where', 'queue=review,score>=0.8', '--clause', 'abusive')
  act('approve', '--where', 'queue=review,score<0.1')
  const trained = runCli(['--db', sieve.dbPath, 'train'])
  expect(trained.stderr).toBe('')
  const lineage = JSON.parse(runCli(['--db', sieve.dbPath, 'model', '--json']).stdout)
  expect(lineage.entries).toHaveLength(1)
  const [entry] = lineage.entries

  await queue.menu('Scoring…')
  const dialog = page.getByRole('dialog', { name: 'Scoring' })
  const table = dialog.getByRole('table', { name: 'Model lineage' })
  await expect(table).toBeVisible()
  const row = table.getByRole('row').nth(1)
  await expect(row).toContainText(entry.version)
  await expect(row).toContainText(String(entry.decisions))
  await expect(row).toContainText(entry.kept ? 'kept' : 'not kept')
  await expect(row).toContainText('by hand')
  if (entry.aucAfter !== null) {
    await expect(row).toContainText(entry.aucAfter.toFixed(3))
    await expect(dialog.getByRole('img', { name: /Learning curve/ })).toBeVisible()
  }
  await expect(dialog.getByLabel('Retrain after every N decisions')).toHaveValue('200')
})
