// Posts and comments a test makes on the shared test WordPress, and removes again: tests never change
// the seeded comments (site.test.ts counts them).
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DB_STATUS, type CommentStatus, type WordPressSite } from './wordpress'

/** A published post of the test's own, open for comments; returns its id. */
export async function createPost(site: WordPressSite, title: string): Promise<number> {
  const res = await site.rest('/wp/v2/posts', { method: 'POST', body: { title, content: `${title}.`, status: 'publish', comment_status: 'open' } })
  const body = (await res.json()) as { id: number }
  if (res.status !== 201) throw new Error(`create post answered ${res.status}: ${JSON.stringify(body)}`)
  return body.id
}

/** Deletes a post with all its comments (and their meta) straight from WordPress's database. */
export async function deletePost(site: WordPressSite, postId: number): Promise<void> {
  await site.query(
    `DELETE m FROM wp_commentmeta m JOIN wp_comments c ON c.comment_ID = m.comment_id WHERE c.comment_post_ID = ${postId};
     DELETE FROM wp_comments WHERE comment_post_ID = ${postId};
     DELETE FROM wp_postmeta WHERE post_id = ${postId};
     DELETE FROM wp_posts WHERE ID = ${postId};`
  )
}

/**
 * Adds `count` visitor comments to a post in one SQL statement (a thousand REST calls would take a
 * minute), dated now, with IPs and user agents of their own; returns their ids in order.
 */
export async function insertComments(site: WordPressSite, postId: number, count: number, status: CommentStatus = 'hold', label = 'Bulk'): Promise<number[]> {
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
  const tag = `${label}-${postId}-${Date.now()}`
  const rows = Array.from({ length: count }, (_, i) =>
    `(${postId}, 'Reader ${i}', 'reader${i}@example.test', '198.51.100.${i % 250}', '${now}', '${now}', 'Comment ${i} of ${tag}', '${DB_STATUS[status]}', 'Reader agent ${i}', 'comment', 0, 0)`
  )
  for (let start = 0; start < rows.length; start += 500) {
    await site.query(
      `INSERT INTO wp_comments (comment_post_ID, comment_author, comment_author_email, comment_author_IP, comment_date, comment_date_gmt,
        comment_content, comment_approved, comment_agent, comment_type, comment_parent, user_id) VALUES ${rows.slice(start, start + 500).join(',')}`
    )
  }
  const ids = await site.query(`SELECT comment_ID AS id FROM wp_comments WHERE comment_content LIKE 'Comment % of ${tag}' ORDER BY comment_ID`)
  return ids.map((row) => Number(row.id))
}

/** A held visitor comment with exactly this content (no REST filtering), stored as WordPress stores a posted one; returns its id. */
export async function insertHeldComment(site: WordPressSite, postId: number, content: string): Promise<number> {
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
  const author = `Visitor ${Date.now()}-${Math.random().toString(36).slice(2)}`
  await site.query(
    `INSERT INTO wp_comments (comment_post_ID, comment_author, comment_author_email, comment_author_IP, comment_date, comment_date_gmt,
       comment_content, comment_approved, comment_agent, comment_type, comment_parent, user_id)
     VALUES (${postId}, '${author}', 'visitor@example.test', '198.51.100.77', '${now}', '${now}', '${content.replace(/\\/g, '\\\\').replace(/'/g, "''")}', '0', 'Visitor agent', 'comment', 0, 0)`
  )
  const [row] = await site.query(`SELECT comment_ID AS id FROM wp_comments WHERE comment_author = '${author}'`)
  return Number(row.id)
}

/** comment_approved of each comment, by id. */
export async function approvedColumn(site: WordPressSite, ids: number[]): Promise<Map<number, string>> {
  const rows = await site.query(`SELECT comment_ID AS id, comment_approved AS approved FROM wp_comments WHERE comment_ID IN (${ids.join(',')})`)
  return new Map(rows.map((row) => [Number(row.id), row.approved!]))
}

export interface LoggedRequest {
  /** As WordPress reads it: a POST with `_method=GET` (a long list of ids sent as JSON) is a GET. */
  method: string
  /** The REST route (`rest_route`), e.g. /wp/v2/comments/123. */
  route: string
  /** The request's path and query as sent. */
  url: string
  /** The parameters of a GET, from the query or from the JSON of a `_method=GET` POST (arrays without `[]`). */
  params: Record<string, unknown>
  /** The status WordPress answered (0 if the upstream request failed). */
  status: number
  /** Bytes of the answer's body. */
  bytes?: number
  /** For a comment update: the status asked for, and the one WordPress's answer shows. */
  asked?: string
  answered?: string
}

export interface LoggingProxy {
  url: string
  log: LoggedRequest[]
  /** Answer instead of WordPress while this returns a status (failure injection). */
  intercept: ((route: string, method: string) => number | undefined) | null
  /** Let WordPress do the request, then tell the client this status instead (an answer lost on the way). */
  loseAnswer: ((route: string, method: string) => number | undefined) | null
  /** Status changes WordPress applied (its answer shows the status asked for), per comment id. */
  acceptedWrites(): Map<number, number>
  close(): Promise<void>
}

/** A GET's parameters, wherever they travelled. */
function paramsOf(url: string, method: string, sent: Buffer[]): Record<string, unknown> {
  if (method === 'POST') return {}
  const query = new URL(url, 'http://proxy').searchParams
  const params: Record<string, unknown> = {}
  for (const [key, value] of query) {
    if (key.endsWith('[]')) params[key.slice(0, -2)] = [...((params[key.slice(0, -2)] as string[]) ?? []), value]
    else params[key] = value
  }
  if (query.get('_method') === 'GET' && sent.length) {
    try {
      Object.assign(params, JSON.parse(Buffer.concat(sent).toString()) as Record<string, unknown>)
    } catch {
      params._unreadable = true
    }
  }
  return params
}

function statuses(method: string, sent: Buffer[], received: Buffer[]): { asked?: string; answered?: string } {
  if (method !== 'POST') return {}
  try {
    const asked = (JSON.parse(Buffer.concat(sent).toString()) as { status?: string }).status
    const answered = (JSON.parse(Buffer.concat(received).toString()) as { status?: string }).status
    return { asked, answered }
  } catch {
    return {}
  }
}

/** A tiny HTTP proxy in front of the test WordPress that logs every request Sieve makes. */
export async function loggingProxy(site: WordPressSite): Promise<LoggingProxy> {
  const target = new URL(site.url)
  const log: LoggedRequest[] = []
  const proxy: LoggingProxy = {
    url: '',
    log,
    intercept: null,
    loseAnswer: null,
    acceptedWrites() {
      const counts = new Map<number, number>()
      for (const entry of log) {
        const match = /^\/wp\/v2\/comments\/(\d+)$/.exec(entry.route)
        if (match && entry.method === 'POST' && entry.status === 200 && entry.asked === entry.answered) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1)
      }
      return counts
    },
    close: () => new Promise((done) => server.close(() => done()))
  }
  const server: Server = createServer((req: IncomingMessage, res) => {
    const query = new URL(req.url ?? '/', 'http://proxy').searchParams
    const route = query.get('rest_route') ?? req.url ?? ''
    const method = query.get('_method') ?? req.method ?? 'GET'
    const injected = proxy.intercept?.(route, method)
    if (injected !== undefined) {
      log.push({ method, route, url: req.url ?? '', params: method === 'GET' && req.method === 'GET' ? paramsOf(req.url ?? '', method, []) : {}, status: injected })
      req.resume()
      res.writeHead(injected, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ code: 'injected', message: `Injected ${injected} by the test proxy.` }))
      return
    }
    const sent: Buffer[] = []
    req.on('data', (chunk: Buffer) => sent.push(chunk))
    const upstream = request(
      { host: target.hostname, port: target.port, method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        const received: Buffer[] = []
        answer.on('data', (chunk: Buffer) => received.push(chunk))
        // Logged when WordPress has answered in full, whether or not the client is still there to read it.
        answer.on('end', () =>
          log.push({
            method,
            route,
            url: req.url ?? '',
            params: paramsOf(req.url ?? '', method, sent),
            status: answer.statusCode ?? 0,
            bytes: received.reduce((sum, chunk) => sum + chunk.length, 0),
            ...statuses(method, sent, received)
          })
        )
        const lost = proxy.loseAnswer?.(route, method)
        if (lost !== undefined) {
          answer.resume()
          answer.on('end', () => res.writeHead(lost, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'lost', message: 'Answer lost.' })))
          return
        }
        // A connection per request: a test process that scores between pulls (its event loop busy) could
        // otherwise reuse a connection this proxy has just closed, and fail a request for no fault of the site.
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, connection: 'close' })
        answer.pipe(res)
      }
    )
    upstream.on('error', () => {
      log.push({ method, route, url: req.url ?? '', params: paramsOf(req.url ?? '', method, sent), status: 0 })
      res.destroy()
    })
    // A client killed mid-request leaves its request to finish at WordPress, as on a real network.
    res.on('error', () => undefined)
    req.pipe(upstream)
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return proxy
}
