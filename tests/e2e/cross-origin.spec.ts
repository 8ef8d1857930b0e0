// Another page on this machine (any port of 127.0.0.1 or localhost is "same site" to the browser) tries to
// make decisions through Sieve's browser-mode API while Sieve is open. Every attempt is refused: nothing is
// decided, nothing is read. And the server itself, not only the browser, refuses a call from another
// origin, even one that carries the token and JSON.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './support/fixtures'

test('the server refuses a JSON call with the token from another origin, and decides nothing', async ({ queue, sieve, playwright }) => {
  const approved = await queue.count('Approved')
  const target = new URL(sieve.url)
  const token = target.searchParams.get('token')!
  // Not the browser: a client that sends whatever headers it likes, so only the server can refuse.
  const client = await playwright.request.newContext()
  try {
    const call = (name: string, origin: string, data: unknown) =>
      client.post(`${target.origin}/api/${name}`, { headers: { 'Content-Type': 'application/json', 'X-Sieve-Token': token, Origin: origin }, data })
    const decide = { filter: { queue: 'review' }, action: 'approve' }
    for (const origin of ['http://127.0.0.1:1', `http://localhost:${Number(target.port) + 1}`, 'http://evil.example', 'null']) {
      const refused = await call('decide', origin, decide)
      expect(refused.status(), origin).toBe(403)
      expect(await refused.text(), origin).toBe('Foreign origin.')
    }
    // The same call from Sieve's own origin would go through: only the origin was wrong.
    expect((await call('counts', target.origin, {})).status()).toBe(200)
  } finally {
    await client.dispose()
  }
  await queue.page.reload()
  expect(await queue.count('Approved')).toBe(approved)
})

test('a page from another local origin can neither decide nor read through the API', async ({ page, queue, sieve }) => {
  const approved = await queue.count('Approved')
  const target = new URL(sieve.url).origin
  const evil = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end(`<!doctype html><body>
<form id="f" method="POST" action="${target}/api/decide" enctype="text/plain" target="sink"><input name='{"filter":{"queue":"review"},"action":"approve","x":"' value='"}'></form>
<iframe name="sink" onload="if (window.results && window.submitted) window.results.form = 'answered'"></iframe>
<script>
  window.results = {}
  const body = JSON.stringify({ filter: { queue: 'review' }, action: 'approve' })
  fetch('${target}/api/decide', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body })
    .then((r) => (window.results.cors = r.status), (e) => (window.results.cors = 'blocked'))
  fetch('${target}/api/decide', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body })
    .then((r) => (window.results.noCors = r.type), (e) => (window.results.noCors = 'blocked'))
  fetch('${target}/api/counts', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' })
    .then((r) => r.json()).then((j) => (window.results.read = j), () => (window.results.read = 'blocked'))
  window.submitted = true
  document.getElementById('f').submit()
</script></body>`)
  })
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve))
  try {
    const attacker = await page.context().newPage()
    await attacker.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`)
    // Every request has been answered (the form's answer loaded in its frame) before the queue is checked.
    await expect.poll(() => attacker.evaluate('Object.keys(window.results).length')).toBe(4)
    const results = (await attacker.evaluate('window.results')) as Record<string, unknown>
    expect(results.cors).toBe('blocked')
    expect(results.read).toBe('blocked')
    await attacker.close()
    await page.reload()
    await expect(queue.rows.first()).toBeVisible()
    expect(await queue.count('Approved')).toBe(approved)
  } finally {
    evil.close()
  }
})
