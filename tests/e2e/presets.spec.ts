import { expect, test } from './support/fixtures'

test('a moderator from WordPress picks its preset, rebinds a key, is refused a clash, and it all survives a reload', async ({ page, queue }) => {
  await queue.menu('Keys…')
  const settings = page.getByRole('dialog', { name: 'Keyboard' })
  await settings.getByRole('combobox', { name: /^Preset/ }).selectOption('wordpress')
  // A clash is refused, naming it.
  await settings.getByRole('button', { name: 'Change the key for Next comment' }).click()
  await page.keyboard.press('u')
  await expect(settings.getByRole('alert')).toContainText('u is bound to both')
  // A free key is taken.
  await settings.getByRole('button', { name: 'Change the key for Escalate for a second opinion, with a note' }).click()
  await page.keyboard.press('q')
  await settings.getByRole('button', { name: 'Save', exact: true }).click()

  // WordPress keys: u unapproves (disables), s marks spam (removes under the spam clause).
  const disabled = await queue.count('Disabled')
  await queue.press('u')
  await expect.poll(() => queue.count('Disabled')).toBe(disabled + 1)
  const spammed = await queue.cursorId()
  await queue.press('s')
  await queue.open('Removed')
  await expect(queue.row(spammed)).toContainText('spam')

  await page.reload()
  await expect(queue.rows.first()).toBeVisible()
  await queue.press('g')
  await queue.press('r')
  await queue.press('q')
  await expect(page.getByRole('dialog', { name: /Escalate/ })).toBeVisible()
})
