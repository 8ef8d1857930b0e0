import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

test('a moderator imports a file from the UI, sees the progress and the rejected lines, and the queue grows', async ({ page, queue }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'sieve-import-')), 'more.ndjson')
  const good = (i: number) => JSON.stringify({ id: `new${i}`, text: `You absolute idiot number ${i}`, article: { id: 'a9', title: 'A new story' } })
  writeFileSync(file, [good(1), '{"id": "broken"', good(2), good(3)].join('\n'))

  const [all, likely] = [await queue.count('All'), await queue.count('Likely violations')]

  await queue.menu('Import…')
  const dialog = page.getByRole('dialog', { name: 'Import comments' })
  await dialog.getByLabel('File', { exact: true }).setInputFiles(file)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toContainText('3 comments landed: 3 new')
  await expect(dialog).toContainText('line 2: rejected: not valid JSON')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect.poll(() => queue.count('All')).toBe(all + 3)
  // Scored on arrival: the insults join the likely violations rather than the bottom of the queue.
  await expect.poll(() => queue.count('Likely violations')).toBe(likely + 3)
})
