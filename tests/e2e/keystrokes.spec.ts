// Every keystroke within a frame: a decision on the comment under the cursor moves the row on at once and
// is sent behind it, so the moderator never waits for the engine. These tests make the engine slow or
// unable to answer for real — its process frozen (SIGSTOP), its database locked by another program, its
// process killed — and check that the keys keep working, land in the order pressed, and that a decision
// the engine does not take puts its comment back where it was, saying so.
import Database from 'better-sqlite3'
import { expect, test } from './support/fixtures'

test('a decision moves the row on before the engine answers, and stands once it does', async ({ page, queue, sieve }) => {
  const ids = await queue.idsInView()
  const approved = await queue.count('Approved')
  sieve.pause()
  try {
    await queue.press('a')
    // The engine is frozen: all of this shows without its answer.
    await expect(queue.row(ids[0])).toHaveCount(0)
    expect(await queue.cursorId()).toBe(ids[1])
    await expect(page.getByRole('status')).toHaveText('Approved 1 comment.')
  } finally {
    sieve.resume()
  }
  await expect.poll(() => queue.count('Approved')).toBe(approved + 1)
  await queue.open('Approved')
  await expect(queue.row(ids[0])).toBeVisible()
})

test('keys pressed while decisions wait for the engine work at once and land in the order pressed', async ({ page, queue, sieve }) => {
  const ids = await queue.idsInView()
  const approved = await queue.count('Approved')
  const disabled = await queue.count('Disabled')
  sieve.pause()
  try {
    // Approve the first, step over the second, approve the third, back to the second, disable it.
    for (const key of ['a', 'j', 'a', 'k', 'd']) await queue.press(key)
    for (const id of ids.slice(0, 3)) await expect(queue.row(id)).toHaveCount(0)
    expect(await queue.cursorId()).toBe(ids[3])
    // Undo takes back the latest decision: the disable, once the decisions before it have landed.
    await queue.press('z')
  } finally {
    sieve.resume()
  }
  await expect(page.getByRole('status')).toHaveText('Undid disable on 1 comment.')
  expect(await queue.cursorId()).toBe(ids[1])
  await expect.poll(() => queue.count('Approved')).toBe(approved + 2)
  expect(await queue.count('Disabled')).toBe(disabled)
  await queue.open('Approved')
  await expect(queue.row(ids[0])).toBeVisible()
  await expect(queue.row(ids[2])).toBeVisible()
})

test('two quick decisions on one comment land in order: the later one stands', async ({ queue, sieve }) => {
  // All: a decided comment stays in view with its new status, so the cursor can go back to it.
  await queue.open('All')
  const id = await queue.cursorId()
  sieve.pause()
  try {
    for (const key of ['a', 'k', 'd']) await queue.press(key)
    await expect(queue.row(id)).toHaveAttribute('data-status', 'disabled')
  } finally {
    sieve.resume()
  }
  await queue.open('Disabled')
  await expect(queue.row(id)).toBeVisible()
  await queue.open('Approved')
  await expect(queue.row(id)).toHaveCount(0)
})

test('a decision the engine refuses puts the comment back where it was and says so; the cursor stays put', async ({ page, queue, sieve }) => {
  const ids = await queue.idsInView()
  const approved = await queue.count('Approved')
  // Another program holds the database's write lock, as a backup tool might: the engine waits for it
  // (its busy timeout, 5 s), then refuses the decision.
  const other = new Database(sieve.dbPath)
  other.exec('BEGIN IMMEDIATE')
  try {
    await queue.press('a')
    await expect(queue.row(ids[0])).toHaveCount(0)
    await queue.press('j')
    expect(await queue.cursorId()).toBe(ids[2])
    await expect(page.getByRole('status')).toHaveText(/^Could not approve .+: The database is locked by another program.+ It is back in the queue, undecided\.$/, {
      timeout: 30_000
    })
    // Back in its place, first; the cursor still on the comment being read.
    expect((await queue.idsInView()).slice(0, 4)).toEqual(ids.slice(0, 4))
    expect(await queue.cursorId()).toBe(ids[2])
  } finally {
    other.exec('ROLLBACK')
    other.close()
  }
  // Nothing was lost: the comment is still undecided, and deciding on it again works.
  expect(await queue.count('Approved')).toBe(approved)
  await queue.press('k')
  await queue.press('k')
  expect(await queue.cursorId()).toBe(ids[0])
  await queue.press('a')
  await expect.poll(() => queue.count('Approved')).toBe(approved + 1)
})

test('a decision the engine never answers (its process killed) puts the comment back with a message', async ({ page, queue, sieve }) => {
  const ids = await queue.idsInView()
  sieve.pause()
  await queue.press('a')
  await expect(queue.row(ids[0])).toHaveCount(0)
  await sieve.kill()
  await expect(page.getByRole('status')).toHaveText(/^Could not approve .+ It is back in the queue, undecided\.$/)
  expect((await queue.idsInView()).slice(0, 3)).toEqual(ids.slice(0, 3))
  expect(await queue.cursorId()).toBe(ids[1])
})

test('the cursor row stays whole in view, below the column headers, as j and k walk through the queue', async ({ page, queue }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  const head = queue.grid.locator('[role=row].head')
  const wholeInView = async () => {
    const [grid, header, row] = await Promise.all([queue.grid.boundingBox(), head.boundingBox(), queue.cursorRow.boundingBox()])
    return row!.y >= header!.y + header!.height - 1 && row!.y + row!.height <= grid!.y + grid!.height + 1
  }
  for (const key of [...Array<string>(30).fill('j'), ...Array<string>(30).fill('k')]) {
    await queue.press(key)
    await expect.poll(wholeInView).toBe(true)
  }
})
