// A WordPress application password belongs to the site it was given for. Pointing a source at another
// origin asks for the password again, and the password is never sent to another origin, however the
// source's address changed; plain http is refused except on this machine. A real loopback server records
// what reaches it.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { startWordPress, type WordPressSite } from '../../support/wordpress'
import { tempEngine } from '../../support/temp-engine'

let site: WordPressSite
beforeAll(async () => {
  site = await startWordPress()
}, 900_000)

/** A server on another loopback port that answers 404 and remembers the headers of every request. */
async function otherSite(): Promise<{ url: string; requests: IncomingHttpHeaders[] }> {
  const requests: IncomingHttpHeaders[] = []
  const server = createServer((request, response) => {
    requests.push(request.headers)
    response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"code":"rest_no_route","message":"No route"}')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  onTestFinished(() => new Promise<void>((done) => server.close(() => done())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }
}

describe("a WordPress source's password", () => {
  it('stays with its site: another origin asks for the password again, and never receives the old one', async () => {
    const other = await otherSite()
    const engine = await tempEngine({ now: () => new Date() })
    const admin = site.users.admin
    await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: site.url, user: admin.user, password: admin.appPassword })
    expect(await engine.call('testSource', { name: 'Newsroom' })).toMatchObject({ ok: true })

    // A change that keeps the site keeps the password.
    await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: `${site.url}/`, user: admin.user, approvedWindowDays: 3 })
    expect(await engine.call('testSource', { name: 'Newsroom' })).toMatchObject({ ok: true })

    // Another origin without a password is refused, and the source stays as it was.
    await expect(engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: other.url, user: admin.user })).rejects.toThrow(
      `"Newsroom" now points at ${other.url}, another site than ${new URL(site.url).origin}, which its password was given for: give the application password for ${other.url}.`
    )
    expect((await engine.call('sources', {}))[0].url).toBe(`${site.url}/`)

    // Changed behind Sieve's back (a hand edit of the database): nothing is sent there.
    engine.db.prepare(`UPDATE sources SET config = json_set(config, '$.url', ?) WHERE name = 'Newsroom'`).run(other.url)
    await expect(async () => engine.call('testSource', { name: 'Newsroom' })).rejects.toThrow(`its password was given for ${new URL(site.url).origin}`)
    await expect(async () => engine.call('pullNow', { source: 'Newsroom' })).rejects.toThrow(/add the source again with the password/)
    expect(other.requests).toEqual([])

    // Given a password for the new site, it goes there.
    await engine.call('addSource', { kind: 'wordpress', name: 'Newsroom', url: other.url, user: admin.user, password: 'the other site password' })
    await engine.call('testSource', { name: 'Newsroom' })
    expect(other.requests.map((headers) => headers.authorization)).toEqual([`Basic ${Buffer.from(`${admin.user}:the other site password`).toString('base64')}`])
  })

  it('is only sent over https, or plain http on this machine', async () => {
    const engine = await tempEngine()
    for (const url of ['http://news.example', 'http://192.168.1.10/wordpress']) {
      await expect(engine.call('addSource', { kind: 'wordpress', name: 'Plain', url, user: 'editor', password: 'abcd efgh' }), url).rejects.toThrow(/plain http, which would carry the credential in the clear/)
    }
    await engine.call('addSource', { kind: 'wordpress', name: 'Local', url: 'http://localhost:8089', user: 'editor', password: 'abcd efgh' })
    await engine.call('addSource', { kind: 'wordpress', name: 'Secure', url: 'https://news.example', user: 'editor', password: 'abcd efgh' })
    expect((await engine.call('sources', {})).map((source) => source.name)).toEqual(['Local', 'Secure'])
  })
})
