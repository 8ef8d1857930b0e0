// Browser mode's token stays with Sieve's own port. Browsers send a host's cookies to every port of it, so
// the token is never a cookie: after the moderator opens Sieve, a server on another local port that the
// browser visits receives no Sieve credential, the address bar and history no longer hold the token, and a
// reload still works (the tab keeps the token for this origin only).
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './support/fixtures'

test('another local port receives no Sieve credential from the browser', async ({ page, queue, sieve }) => {
  const token = new URL(sieve.url).searchParams.get('token')!
  // The moderator works: decisions and pages go through the API.
  const approved = await queue.count('Approved')
  await queue.press('a')
  await expect.poll(() => queue.count('Approved')).toBe(approved + 1)

  const seen: IncomingHttpHeaders[] = []
  const other = createServer((request, response) => {
    seen.push(request.headers)
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Another local app</title><img src="/pixel.png">')
  })
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
  try {
    const port = (other.address() as AddressInfo).port
    const elsewhere = await page.context().newPage()
    for (const host of ['127.0.0.1', 'localhost']) {
      await elsewhere.goto(`http://${host}:${port}/`)
      await expect(elsewhere).toHaveTitle('Another local app')
    }
    await elsewhere.close()
    expect(seen.length).toBeGreaterThanOrEqual(2)
    for (const headers of seen) {
      expect(JSON.stringify(headers)).not.toContain(token)
      expect(headers.cookie ?? '').not.toMatch(/sieve/i)
      expect(headers['x-sieve-token']).toBeUndefined()
    }
    expect((await page.context().cookies()).map((cookie) => cookie.value)).not.toContain(token)
  } finally {
    other.close()
  }

  // Out of the address bar and the history entry, and a reload still works.
  expect(page.url()).not.toContain(token)
  expect(await page.evaluate('window.location.href')).not.toContain('token=')
  await page.reload()
  await expect(queue.rows.first()).toBeVisible()
  expect(page.url()).not.toContain(token)
})
