import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startHttpTransport, type HttpTransport } from '../../src/main/transport/http'
import { tempDir, tempEngine } from '../support/temp-engine'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so tests can send the Host and Origin headers a browser or an attacker would. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

let server: HttpTransport | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start() {
  const renderer = join(tempDir(), 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Sieve</title>')
  server = await startHttpTransport({ engine: (await tempEngine()).engine, rendererDir: renderer })
  const port = Number(new URL(server.url).port)
  const host = `127.0.0.1:${port}`
  const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    send(port, `/api/${name}`, {
      method: 'POST',
      headers: { Host: host, 'Content-Type': 'application/json', 'X-Sieve-Token': server!.token, ...headers },
      body: JSON.stringify(body)
    })
  return { port, host, token: server.token, api, rendererDir: renderer }
}

describe('the HTTP transport', () => {
  it('answers API calls that carry the token, with validated input', async () => {
    const { api } = await start()
    const counts = await api('counts', {})
    expect(counts.status).toBe(200)
    expect(JSON.parse(counts.body)).toEqual({ ok: true, value: { review: 0, likely: 0, reported: 0, teach: 0, escalated: 0, approved: 0, removed: 0, disabled: 0, conflicts: 0, all: 0 } })
    const bad = JSON.parse((await api('decide', { keys: ['1; DROP TABLE comments'], action: 'approve' })).body)
    expect(bad.ok).toBe(false)
    expect(bad.error).toMatch(/Invalid input for decide/)
    expect(JSON.parse((await api('no-such-call', {})).body)).toMatchObject({ ok: false, error: expect.stringMatching(/Unknown call/) })
  })

  it('refuses API calls without the token, or with a wrong one, and takes no cookie for it', async () => {
    const { port, host, token, api } = await start()
    expect((await api('counts', {}, { 'X-Sieve-Token': 'guess' })).status).toBe(401)
    expect((await send(port, '/api/counts', { method: 'POST', headers: { Host: host, 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401)
    for (const cookie of [`sieve_token_${port}=${token}`, `sieve_token=${token}`, `token=${token}`]) {
      const withCookie = await send(port, '/api/counts', { method: 'POST', headers: { Host: host, 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' })
      expect(withCookie.status, cookie).toBe(401)
    }
    expect((await send(port, '/?token=wrong', { headers: { Host: host } })).status).toBe(401)
  })

  it('puts the token in the page served for the printed link, never in a cookie', async () => {
    const { port, host, token } = await start()
    const first = await send(port, `/?token=${token}`, { headers: { Host: host } })
    expect(first.status).toBe(200)
    expect(first.headers['set-cookie']).toBeUndefined()
    expect(first.headers['cache-control']).toBe('no-store')
    expect(first.body).toContain(`<meta name="sieve-token" content="${token}" />`)
    expect(first.headers['content-security-policy']).toContain("script-src 'self'")
    // The page without the link holds no token; the renderer's files need none.
    const plain = await send(port, '/', { headers: { Host: host } })
    expect(plain.status).toBe(200)
    expect(plain.body).toContain('<title>Sieve</title>')
    expect(plain.body).not.toContain(token)
    const call = await send(port, '/api/counts', {
      method: 'POST',
      headers: { Host: host, 'X-Sieve-Token': token, 'Content-Type': 'application/json', Origin: `http://${host}` },
      body: '{}'
    })
    expect(call.status).toBe(200)
  })

  it('refuses foreign Host headers (DNS rebinding) and foreign origins, even with the token', async () => {
    const { port, api } = await start()
    expect((await api('counts', {}, { Host: 'evil.example' })).status).toBe(421)
    expect((await api('counts', {}, { Host: `evil.example:${port}` })).status).toBe(421)
    expect((await api('counts', {}, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('counts', {}, { Origin: 'http://127.0.0.1:1' })).status).toBe(403)
    expect((await api('counts', {}, { Origin: 'null' })).status).toBe(403)
    expect((await api('counts', {}, { Host: `localhost:${port}` })).status).toBe(200)
  })

  it('refuses API calls that are not JSON POSTs', async () => {
    const { port, host, token } = await start()
    const headers = { Host: host, 'X-Sieve-Token': token }
    expect((await send(port, '/api/counts', { headers })).status).toBe(405)
    expect((await send(port, '/api/counts', { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415)
  })

  it('serves nothing from outside the renderer folder, however the path is encoded', async () => {
    const { port, host, token, rendererDir } = await start()
    // A real file beside the served folder: the way out is one step up.
    writeFileSync(join(rendererDir, '..', 'secret.txt'), 'the moderators’ private notes')
    mkdirSync(join(rendererDir, 'assets'))
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    const get = (path: string) => send(port, path, { headers: { Host: host, 'X-Sieve-Token': token } })
    expect((await get('/assets/app.js')).status).toBe(200)
    for (const path of ['/..%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/..%2f..%2f..%2fetc/passwd']) {
      const answer = await get(path)
      expect(answer.status, path).toBe(404)
      expect(answer.body, path).not.toMatch(/private notes|root:/)
    }
  })
})
