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
  server = await startHttpTransport({ handlers: tempEngine().handlers, rendererDir: renderer })
  const port = Number(new URL(server.url).port)
  const host = `127.0.0.1:${port}`
  const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    send(port, `/api/${name}`, {
      method: 'POST',
      headers: { Host: host, 'Content-Type': 'application/json', 'X-Sieve-Token': server!.token, ...headers },
      body: JSON.stringify(body)
    })
  return { port, host, token: server.token, api }
}

describe('the HTTP transport', () => {
  it('answers API calls that carry the token, with validated input', async () => {
    const { api } = await start()
    const counts = await api('counts', {})
    expect(counts.status).toBe(200)
    expect(JSON.parse(counts.body)).toEqual({ ok: true, value: { review: 0, likely: 0, reported: 0, escalated: 0, approved: 0, removed: 0, disabled: 0, conflicts: 0, all: 0 } })
    const bad = JSON.parse((await api('decide', { keys: ['1; DROP TABLE comments'], action: 'approve' })).body)
    expect(bad.ok).toBe(false)
    expect(bad.error).toMatch(/Invalid input for decide/)
    expect(JSON.parse((await api('no-such-call', {})).body)).toMatchObject({ ok: false, error: expect.stringMatching(/Unknown call/) })
  })

  it('refuses requests without the token, or with a wrong one', async () => {
    const { port, host, api } = await start()
    expect((await api('counts', {}, { 'X-Sieve-Token': 'guess' })).status).toBe(401)
    expect((await send(port, '/api/counts', { method: 'POST', headers: { Host: host, 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401)
    expect((await send(port, '/', { headers: { Host: host } })).status).toBe(401)
    expect((await send(port, '/?token=wrong', { headers: { Host: host } })).status).toBe(401)
  })

  it('trades the token in the printed link for an HttpOnly cookie and takes it out of the address bar', async () => {
    const { port, host, token } = await start()
    const first = await send(port, `/?token=${token}`, { headers: { Host: host } })
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    const cookie = String(first.headers['set-cookie']).split(';')[0]
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    const page = await send(port, '/', { headers: { Host: host, Cookie: cookie } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Sieve</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const call = await send(port, '/api/counts', {
      method: 'POST',
      headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json', Origin: `http://${host}` },
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

  it('refuses API calls that are not JSON POSTs, and paths outside the renderer', async () => {
    const { port, host, token } = await start()
    const headers = { Host: host, 'X-Sieve-Token': token }
    expect((await send(port, '/api/counts', { headers })).status).toBe(405)
    expect((await send(port, '/api/counts', { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415)
    expect((await send(port, '/../../etc/passwd', { headers })).status).toBe(404)
    expect((await send(port, '/%2e%2e/%2e%2e/etc/passwd', { headers })).status).toBe(404)
  })
})
