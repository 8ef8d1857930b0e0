// The guard itself: a script the page's policy refuses is reported, so any violation elsewhere fails its test.
import { expect, test } from './support/fixtures'

test('an inline script is refused by the Content Security Policy, and the refusal is caught', async ({ page, queue, cspViolations }) => {
  await expect(queue.rows.first()).toBeVisible()
  const ran = await page.evaluate(`(() => {
    window.__injected = false
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.body.appendChild(script)
    return window.__injected
  })()`)
  expect(ran).toBe(false)
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0)
  for (const violation of cspViolations) expect(violation).toMatch(/Executing inline script violates .*script-src 'self'/)
  cspViolations.length = 0 // seen and expected here; any other test's violation fails it
})
