// The API contract over HTTP on 127.0.0.1 (browser mode and the end-to-end tests), plus the built
// renderer: calls are JSON POSTs to /api/<name>, events a server-sent stream at /api/events. Every API
// request must carry this run's random token in an X-Sieve-Token header, name this
// server in its Host header, and come from this server's own origin. The token never goes in a cookie
// (browsers send cookies to every port of a host): the printed link carries it once, the page served for
// that link holds it for the renderer's code, and the renderer takes it out of the address bar.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname } from 'node:path'
import { EVENTS_PATH } from '../../shared/channels'
import type { Engine } from '../engine/door'
import { fileInside } from './file-inside'

export interface HttpTransportOptions {
  engine: Pick<Engine, 'dispatch' | 'subscribe'>
  /** The built renderer (index.html and assets); null serves the API alone. */
  rendererDir: string | null
  port?: number
  token?: string
}

export interface HttpTransport {
  url: string
  /** The URL to open: it carries the token. */
  openUrl: string
  token: string
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1 << 20
const KEEP_ALIVE_MS = 15_000
const CONTENT_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.woff2', 'font/woff2'],
  ['.json', 'application/json']
])
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error('[sieve] HTTP request failed:', error)
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Sieve could not answer that request.')
      else response.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const port = (server.address() as AddressInfo).port
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`))

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still says its own name in Host.
    if (!allowedHosts.has(request.headers.host ?? '')) return send(response, 421, 'text/plain', 'Unknown host.')
    const origin = request.headers.origin
    if (origin !== undefined && !allowedOrigins.has(origin)) return send(response, 403, 'text/plain', 'Foreign origin.')
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)

    if (url.pathname.startsWith('/api/')) {
      const presented = request.headers['x-sieve-token']
      if (typeof presented !== 'string' || !matches(presented, token)) return send(response, 401, 'text/plain; charset=utf-8', REFUSED)
      if (url.pathname === EVENTS_PATH) {
        if (request.method !== 'GET') return send(response, 405, 'text/plain', 'The event stream is a GET request.')
        return streamEvents(response)
      }
      if (request.method !== 'POST') return send(response, 405, 'text/plain', 'API calls are POST requests.')
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(response, 415, 'text/plain', 'API calls send JSON.')
      }
      const body = await readBody(request)
      if (body === null) return send(response, 413, 'text/plain', 'Request too large.')
      let input: unknown
      try {
        input = body.length ? JSON.parse(body) : {}
      } catch {
        return sendJson(response, 400, { ok: false, error: 'The request body is not valid JSON.' })
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length))
      return sendJson(response, 200, await options.engine.dispatch(name, input, 'window'))
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'Method not allowed.')
    // The renderer's files hold no data, so they need no token; the page for the printed link holds it.
    const linkToken = url.searchParams.get('token')
    if (linkToken !== null && !matches(linkToken, token)) return send(response, 401, 'text/plain; charset=utf-8', REFUSED)
    return serveStatic(url.pathname, response, linkToken)
  }

  /** Server-sent events: each of the engine's events as one message, until the page goes away. */
  function streamEvents(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
    response.write(': sieve events\n\n')
    const unsubscribe = options.engine.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`))
    // A comment line now and then keeps proxies and idle timers from closing a quiet stream.
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
    response.on('close', () => {
      clearInterval(keepAlive)
      unsubscribe()
    })
  }

  async function serveStatic(pathname: string, response: ServerResponse, linkToken: string | null): Promise<void> {
    if (!options.rendererDir) return send(response, 404, 'text/plain', 'No renderer is being served.')
    const file = fileInside(options.rendererDir, pathname === '/' ? '/index.html' : pathname)
    if (file === null) return send(response, 404, 'text/plain', 'Not found.')
    let content: Buffer
    try {
      content = await readFile(file)
    } catch {
      return send(response, 404, 'text/plain', 'Not found.')
    }
    const type = CONTENT_TYPES.get(extname(file)) ?? 'application/octet-stream'
    if (linkToken === null || extname(file) !== '.html') return send(response, 200, type, content)
    return send(response, 200, type, withToken(content.toString('utf8'), linkToken))
  }

  const url = `http://127.0.0.1:${port}/`
  return {
    url,
    openUrl: `${url}?token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function matches(presented: string, token: string): boolean {
  const a = Buffer.from(presented)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

const REFUSED = 'Open the link Sieve printed when it started: it carries the access token.'

/** The page with the token in a meta tag, where the renderer's code reads it once (src/renderer/src/session-token.ts). */
function withToken(html: string, token: string): string {
  // The token is base64url: nothing in it needs escaping in an attribute.
  const meta = `<meta name="sieve-token" content="${token}" />`
  const head = /<head\b[^>]*>/i.exec(html)
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length)
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? ''
  return doctype + meta + html.slice(doctype.length)
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        resolve(null)
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS }).end(body)
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body))
}
