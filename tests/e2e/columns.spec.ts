import { expect, test } from './support/fixtures'

test('columns sort by their header, resize, hide and reorder, and the layout is remembered', async ({ page, queue }) => {
  const headers = () => queue.grid.getByRole('columnheader').allInnerTexts()

  // Sorting by a header: Age toggles newest / oldest.
  const age = queue.grid.getByRole('columnheader', { name: /Age/ })
  await age.getByRole('button').click()
  await expect(age).toHaveAttribute('aria-sort', 'descending')
  await age.getByRole('button').click()
  await expect(age).toHaveAttribute('aria-sort', 'ascending')
  await expect(queue.grid.getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'none')

  // Resizing by dragging the header's edge.
  const score = queue.grid.getByRole('columnheader', { name: /Score/ })
  const before = (await score.boundingBox())!.width
  const handle = (await score.getByRole('separator').boundingBox())!
  await page.mouse.move(handle.x + 2, handle.y + 5)
  await page.mouse.down()
  await page.mouse.move(handle.x + 82, handle.y + 5, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => (await score.boundingBox())!.width).toBeGreaterThan(before + 60)

  // Hiding and reordering.
  await queue.menu('Columns…')
  const dialog = page.getByRole('dialog', { name: 'Columns' })
  await dialog.getByRole('checkbox', { name: 'Reports' }).uncheck()
  await dialog.getByRole('button', { name: 'Move Author left' }).click()
  await dialog.getByRole('button', { name: 'Done' }).click()
  expect(await headers()).not.toContain('Reports')
  const order = (await headers()).map((text) => text.replace(/[↑↓]/g, '').trim()).filter(Boolean)
  expect(order.indexOf('Author')).toBeLessThan(order.indexOf('Comment'))

  // Remembered after a reload.
  await page.waitForTimeout(600) // the layout saves once the changes pause
  await page.reload()
  await expect(queue.rows.first()).toBeVisible()
  expect(await headers()).not.toContain('Reports')
  expect((await score.boundingBox())!.width).toBeGreaterThan(before + 60)
})
