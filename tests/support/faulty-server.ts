// A server on 127.0.0.1 that misbehaves on demand, in front of a real upstream (the test WordPress, a
// loopback scorer): it resets the connection, never answers, answers late, answers 200 with broken JSON
// or a chosen HTTP status, or passes the request through. Over TLS it serves a self-signed certificate
// made at test time with openssl, which a client that checks certificates must refuse.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { tempDir } from './temp-dir'

export type Fault =
  /** Accept the request, then destroy the socket without a byte of answer. */
  | 'reset'
  /** Accept the request and never answer. */
  | 'hang'
  /** 200, JSON content type, a body cut off in the middle. */
  | 'malformed'
  /** Hand it to the upstream. */
  | 'pass'
  /** Hand it to the upstream after this many milliseconds. */
  | { slowMs: number }
  /** Answer this status with a JSON error body. */
  | { status: number }
  /** 200 with this (well-formed) JSON, whatever was asked. */
  | { json: unknown }

export interface FaultyServer {
  url: string
  /** The fault for each request, by its method and path; change it at any time. */
  fault: Fault | ((method: string, path: string) => Fault)
  /** Every request received, with the fault it got. */
  log: { method: string; path: string; fault: string }[]
  /** TLS handshakes the client broke off (it refused the certificate). */
  refusedHandshakes: number
  close(): Promise<void>
}

export interface FaultyServerOptions {
  /** Where `pass` and `slowMs` send requests (http only). */
  upstream?: string
  /** Serve HTTPS with a self-signed certificate (see `selfSignedCertificate`). */
  tls?: { key: string; cert: string }
}

const MALFORMED = '{"namespaces":["wp/v2"],"results":[{"category_scores":{"harassment":0.9'

export async function startFaultyServer(options: FaultyServerOptions = {}): Promise<FaultyServer> {
  const sockets = new Set<Socket>()
  const upstream = options.upstream ? new URL(options.upstream) : undefined
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const fault = typeof server.fault === 'function' ? server.fault(method, path) : server.fault
    server.log.push({ method, path, fault: typeof fault === 'string' ? fault : JSON.stringify(fault) })
    const body: Buffer[] = []
    req.on('data', (chunk: Buffer) => body.push(chunk))
    req.on('end', () => {
      if (fault === 'reset') req.socket.destroy()
      else if (fault === 'hang') return
      else if (fault === 'malformed') {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8' })
        res.end(MALFORMED)
      } else if (typeof fault === 'object' && 'json' in fault) {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(fault.json))
      } else if (typeof fault === 'object' && 'status' in fault) {
        res.writeHead(fault.status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ code: 'injected', message: `Injected ${fault.status} by the faulty server.` }))
      } else {
        const delay = fault === 'pass' ? 0 : fault.slowMs
        setTimeout(() => forward(req, res, Buffer.concat(body)), delay)
      }
    })
  }
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    if (!upstream) throw new Error('This faulty server has no upstream to pass requests to.')
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    out.on('error', () => res.destroy())
    res.on('error', () => undefined)
    out.end(body)
  }
  const raw: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handle) : createServer(handle)
  raw.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  // TLS handshakes the client refuses end here, counted.
  raw.on('tlsClientError', () => server.refusedHandshakes++)
  await new Promise<void>((done) => raw.listen(0, '127.0.0.1', done))
  const server: FaultyServer = {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${(raw.address() as AddressInfo).port}`,
    fault: 'pass',
    log: [],
    refusedHandshakes: 0,
    close: () =>
      new Promise((done) => {
        // Hanging requests would keep close() waiting forever.
        for (const socket of sockets) socket.destroy()
        raw.close(() => done())
      })
  }
  onTestFinished(() => server.close())
  return server
}

/** A self-signed certificate for 127.0.0.1, made now with openssl; undefined (and why) when there is no openssl. */
export function selfSignedCertificate(): { key: string; cert: string } | { missing: string } {
  const dir = tempDir()
  const key = join(dir, 'key.pem')
  const cert = join(dir, 'cert.pem')
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'pipe' }
    )
  } catch (error) {
    return { missing: `openssl could not make a certificate (${(error as Error).message.split('\n')[0]})` }
  }
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
}
