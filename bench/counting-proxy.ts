// A proxy on loopback that counts what passes between Sieve and a site: requests, and bytes each way
// (request line, headers and body up; status line, headers and body down).
import { Agent, createServer, request, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Traffic {
  requests: number
  bytesUp: number
  bytesDown: number
}

export interface CountingProxy {
  url: string
  /** What passed since the last call, and starts counting afresh. */
  take(): Traffic
  close(): Promise<void>
}

const headerBytes = (message: IncomingMessage) => message.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0) + 2

export async function countingProxy(upstream: string): Promise<CountingProxy> {
  const target = new URL(upstream)
  let traffic: Traffic = { requests: 0, bytesUp: 0, bytesDown: 0 }
  // A connection of its own per request: reusing one the site has just closed would fail the request.
  const agent = new Agent({ keepAlive: false })
  const server = createServer((req, res) => {
    traffic.requests++
    traffic.bytesUp += Buffer.byteLength(`${req.method} ${req.url} HTTP/1.1\r\n`) + headerBytes(req)
    req.on('data', (chunk: Buffer) => (traffic.bytesUp += chunk.length))
    const out = request({ agent, host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (answer) => {
      traffic.bytesDown += Buffer.byteLength(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n`) + headerBytes(answer)
      answer.on('data', (chunk: Buffer) => (traffic.bytesDown += chunk.length))
      // No keep-alive towards Sieve either: Sieve scores in this process between pulls, and a connection the
      // proxy closed meanwhile would fail the next pull's first request (a race of the bench, not the site).
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, connection: 'close' })
      answer.pipe(res)
    })
    out.on('error', () => res.destroy())
    res.on('error', () => undefined)
    req.pipe(out)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    take() {
      const taken = traffic
      traffic = { requests: 0, bytesUp: 0, bytesDown: 0 }
      return taken
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
