/// <reference lib="dom" />
// The screen a moderator lives in: the comment gets the room at 1280×720 and still shows at 200% zoom,
// Hindi and emoji draw with the fonts the app ships, and nothing the page asks for is missing.
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

/** The fonts the browser drew an element's text with (Chromium's own account of it). */
async function fontsOf(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean }[]> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  await cdp.detach()
  return fonts
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } })

  test('the comment is the hero: one action bar, no column that says the same on every row, lines of text to read', async ({ page, queue }) => {
    const toolbar = page.getByRole('toolbar', { name: 'Actions' })
    for (const name of ['Approve', 'Remove…', 'Disable', 'Escalate…']) await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible()
    await expect(toolbar.getByRole('button', { name: 'Import…' })).toHaveCount(0)
    expect((await toolbar.boundingBox())!.height).toBeLessThan(50)

    // One source, every row pending, nothing to sync: those columns would only repeat themselves.
    const headers = (await queue.grid.getByRole('columnheader').allInnerTexts()).map((text) => text.replace(/[↑↓]/g, '').trim())
    for (const constant of ['Source', 'Status', 'Sync']) expect(headers).not.toContain(constant)
    const comment = queue.grid.getByRole('columnheader', { name: /^Comment/ })
    expect((await comment.boundingBox())!.width).toBeGreaterThanOrEqual(560)
    // A long comment shows three to four lines.
    const lines = await queue.rows.locator('.comment-text').evaluateAll((texts) =>
      Math.max(...texts.map((text) => Math.round(text.getBoundingClientRect().height / parseFloat(getComputedStyle(text).lineHeight))))
    )
    expect(lines).toBeGreaterThanOrEqual(3)
    expect(lines).toBeLessThanOrEqual(4)
    await expect(queue.rows.nth(5)).toBeInViewport()
  })

  test('the header never wraps and the grid never jumps as decisions are made', async ({ page, queue }) => {
    const gridTop = async () => (await queue.grid.boundingBox())!.y
    const top = await gridTop()
    const header = (await page.locator('header.top').boundingBox())!.height
    expect(header, 'the header is one line').toBeLessThan(50)
    for (let decision = 1; decision <= 3; decision++) {
      await queue.press('a')
      await expect(page.getByLabel('Pace this session')).toContainText(new RegExp(`^${decision} decided`))
    }
    await queue.press('x')
    await queue.press('j')
    await queue.press('x')
    await expect(page.getByRole('toolbar', { name: 'Actions' })).toContainText('2 selected — Esc clears')
    expect(await gridTop()).toBe(top)
    expect((await page.locator('header.top').boundingBox())!.height).toBe(header)
  })
})

test.describe('at 200% zoom of 1280×720', () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 })

  test('rows show, and nothing needs a sideways scroll', async ({ page, queue }) => {
    await expect(queue.rows.first()).toBeInViewport()
    await expect(queue.rows.first().locator('.comment-text')).toBeInViewport()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640)
    // The keys still drive it.
    const first = await queue.cursorId()
    await queue.press('j')
    await expect.poll(() => queue.cursorId()).not.toBe(first)
    await expect(queue.cursorRow).toBeInViewport()
  })
})

test('Hindi and emoji draw with the fonts the app ships, each fetched only for its own characters', async ({ page, queue }) => {
  const fetched: string[] = []
  page.on('request', (request) => request.url().endsWith('.woff2') && fetched.push(request.url()))
  await page.reload()
  await expect(queue.rows.first()).toBeVisible()
  await page.evaluate(() => document.fonts.ready)

  // The first comment has an emoji: a shipped emoji font draws it, and draws something.
  await expect(queue.rows.first().locator('.comment-text')).toContainText('😊')
  const emoji = await fontsOf(page, '[role=row][aria-rowindex="2"] .comment-text')
  expect(emoji).toContainEqual(expect.objectContaining({ familyName: expect.stringMatching(/^Noto (Color )?Emoji$/), isCustomFont: true }))
  const inked = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 32
    const context = canvas.getContext('2d')!
    context.font = `24px ${getComputedStyle(document.querySelector('.comment-text')!).fontFamily}`
    context.textBaseline = 'top'
    context.fillText('😊', 2, 2)
    return context.getImageData(0, 0, 32, 32).data.filter((value, index) => index % 4 === 3 && value > 0).length
  })
  expect(inked).toBeGreaterThan(20)
  // No Hindi on screen yet: no Devanagari font fetched.
  expect(fetched.filter((url) => url.includes('devanagari'))).toEqual([])

  await queue.press('/')
  await page.keyboard.type('सैनिकों')
  await page.keyboard.press('Enter')
  await expect(queue.rows.first().locator('.comment-text')).toContainText(/[\u0900-\u097F]{4}/)
  await page.evaluate(() => document.fonts.ready)
  const hindi = await fontsOf(page, '[role=row][aria-rowindex="2"] .comment-text')
  expect(hindi).toContainEqual(expect.objectContaining({ familyName: 'Noto Sans Devanagari', isCustomFont: true }))
  // Only the Devanagari face came: the same family's Latin faces are never needed.
  const devanagari = fetched.filter((url) => url.includes('devanagari'))
  expect(devanagari.length).toBeGreaterThan(0)
  for (const url of devanagari) expect(url).toMatch(/noto-sans-devanagari-devanagari-/)
})

test('the page asks for nothing that is missing: the favicon is there', async ({ page, sieve }) => {
  const failed: string[] = []
  page.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`))
  await page.goto(sieve.url)
  await expect(page.getByRole('grid')).toBeVisible()
  const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=icon]')?.href ?? null)
  expect(icon).not.toBeNull()
  const response = await page.request.get(icon!)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/svg+xml')
  expect(failed).toEqual([])
})
