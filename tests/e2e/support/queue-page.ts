// A page model of the triage screen, shared by the browser and Electron suites.
import { expect, type Locator, type Page } from '@playwright/test'

export class QueuePage {
  readonly grid: Locator
  readonly rows: Locator
  readonly cursorRow: Locator
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid')
    this.rows = this.grid.locator('[role=row][data-comment-id]')
    this.cursorRow = this.grid.locator('[role=row][aria-current=true]')
    this.dialog = page.getByRole('dialog')
  }

  row(id: string): Locator {
    return this.grid.locator(`[role=row][data-comment-id="${id}"]`)
  }

  tab(label: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${label}`) })
  }

  /** A queue's count as its tab shows it (once the counts have arrived). */
  async count(label: string): Promise<number> {
    const badge = this.tab(label).locator('.count')
    await expect(badge).toHaveText(/\d/)
    const text = await badge.innerText()
    return Number(text.replace(/[^0-9]/g, ''))
  }

  async cursorId(): Promise<string> {
    await expect(this.cursorRow).toHaveCount(1)
    return (await this.cursorRow.getAttribute('data-comment-id'))!
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key)
  }

  async idsInView(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-comment-id')!))
  }

  /** Runs an item of the More menu, as a mouse user would. */
  async menu(item: string): Promise<void> {
    await this.page.getByRole('button', { name: 'More' }).click()
    await this.page.getByRole('menuitem', { name: item }).click()
  }

  async open(label: string): Promise<void> {
    await this.tab(label).click()
    await expect(this.tab(label)).toHaveAttribute('aria-selected', 'true')
  }
}
