import { execFile, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join, resolve } from 'node:path'

/**
 * A real WordPress (Debian's package, MariaDB, PHP's built-in server) for integration tests of
 * Sieve's WordPress connector. `startWordPress()` runs tests/integration/wordpress/setup.sh when
 * the site is not already up (first use on a machine: installs the packages, ~1 min), and reuses a
 * running site otherwise (~0.1 s). See tests/integration/wordpress/README.md.
 *
 *   let site: WordPressSite
 *   beforeAll(async () => { site = await startWordPress() }, 600_000)
 *
 * Tests that change comments should make their own (`createComment`) or put seeded ones back
 * (`restoreSeededStatuses`): every test file shares the one site. `startApacheWordPress()` starts the
 * newsroom-sized site on Apache (setup-apache.sh), which the scale test may stop and start.
 */

const SETUP_TIMEOUT_MS = 20 * 60_000

/** Which site: the shared one every test file uses, or the newsroom-sized one on Apache (setup-apache.sh). */
interface SiteSpec {
  setup: string
  dataDir(): string
  /** The port asked for in the environment, if any. */
  port(): string | undefined
}

const SHARED: SiteSpec = {
  setup: resolve(__dirname, '../integration/wordpress/setup.sh'),
  dataDir: () => process.env.SIEVE_WP_DIR || '/tmp/sieve-wordpress',
  port: () => process.env.WP_PORT
}

const APACHE: SiteSpec = {
  setup: resolve(__dirname, '../integration/wordpress/setup-apache.sh'),
  dataDir: () => process.env.SIEVE_WP_APACHE_DIR || '/tmp/sieve-wordpress-apache',
  port: () => process.env.WP_APACHE_PORT
}

/** Comment statuses as the REST API names them (`status` of a comment). */
export type CommentStatus = 'hold' | 'approved' | 'spam' | 'trash'
export type WordPressRole = 'admin' | 'editor' | 'reader'

export interface WordPressUser {
  id: number
  /** Login name, e.g. "sieve-admin". */
  user: string
  /** WordPress role: administrator, editor, subscriber. */
  role: string
  /** Login password (for wp-login.php; the REST API wants appPassword). */
  password: string
  /** Application Password for HTTP Basic auth against the REST API. */
  appPassword: string
}

export interface SeedManifest {
  version: number
  seededAt: string
  posts: { id: number; title: string; comments: number; counts: Record<CommentStatus, number> }[]
  counts: Record<CommentStatus, number> & { total: number }
  replies: number
}

/** What setup.sh writes to $SIEVE_WP_DIR/connection.json. */
export interface WordPressConnection {
  url: string
  restUrl: string
  users: Record<WordPressRole, WordPressUser>
  db: { socket: string; host: string; port: number; name: string; user: string; password: string; tablePrefix: string }
  seed: SeedManifest
  /** The backlog of held comments on a post of its own (the Apache site: setup-apache.sh). */
  backlog: { post: number; held: number } | null
  dataDir: string
  wordpress: string
}

/** One row of a query's result: column name → value (`null` for SQL NULL). */
export type Row = Record<string, string | null>

export interface RestOptions {
  /** Who asks: a seeded user, explicit Basic-auth credentials, or nobody (default: admin). */
  as?: WordPressRole | { user: string; password: string } | null
  method?: string
  /** Sent as JSON. */
  body?: unknown
  headers?: Record<string, string>
}

export interface NewComment {
  post?: number
  content?: string
  status?: CommentStatus
  authorName?: string
  authorEmail?: string
  authorIp?: string
  parent?: number
}

export interface WordPressSite extends WordPressConnection {
  /** Runs SQL against WordPress's own MariaDB with the mariadb/mysql client (--batch); rows of the result, [] for none. */
  query(sql: string): Promise<Row[]>
  /** Sets a comment's status through the REST API as the admin (keeping its author IP and user agent). */
  setCommentStatus(id: number, status: CommentStatus): Promise<void>
  /** Puts every seeded comment back to its seeded status; returns how many it changed. */
  restoreSeededStatuses(): Promise<number>
  /** Adds a visitor comment (user_id 0) through the REST API; returns its id. */
  createComment(comment?: NewComment): Promise<number>
  /** Deletes a comment for good (REST DELETE ?force=true). */
  deleteComment(id: number): Promise<void>
  /** `Basic …` header value for a seeded user's application password. */
  authHeader(as: WordPressRole): string
  /** fetch() against the REST API: `rest('/wp/v2/comments?status=hold')` → {url}/wp-json/wp/v2/comments?status=hold. */
  rest(path: string, options?: RestOptions): Promise<Response>
}

/** The Apache site's web server, which its tests may stop and start (a site that goes away and comes back). */
export interface ApacheSite extends WordPressSite {
  backlog: { post: number; held: number }
  /** Apache's access log: time, "METHOD path?query", status, bytes in, bytes out, microseconds. */
  accessLog: string
  /** Stops Apache (MariaDB stays up) and returns once nothing listens on the site's port. */
  stopWeb(): Promise<void>
  /** Starts Apache again and returns once it listens. */
  startWeb(): Promise<void>
}

const pending = new Map<SiteSpec, Promise<WordPressSite>>()

function once(spec: SiteSpec): Promise<WordPressSite> {
  let started = pending.get(spec)
  if (!started) {
    started = start(spec).catch((error: unknown) => {
      pending.delete(spec)
      throw error
    })
    pending.set(spec, started)
  }
  return started
}

/** Starts the test WordPress once per test process (reusing a running one) and describes it. Never skips: throws with setup.sh's output. */
export function startWordPress(): Promise<WordPressSite> {
  return once(SHARED)
}

/**
 * Starts the newsroom-sized WordPress on Apache with mod_php (setup-apache.sh: 127.0.0.2:8090, its own
 * MariaDB, 10,000 held comments), reusing a running one. The shared site is not touched.
 */
export async function startApacheWordPress(): Promise<ApacheSite> {
  const site = await once(APACHE)
  if (!site.backlog) throw new Error(`${APACHE.setup} wrote no backlog into ${site.dataDir}/connection.json`)
  const conf = join(site.dataDir, 'apache2.conf')
  const { hostname, port } = new URL(site.url)
  const apache = (command: 'start' | 'stop') =>
    new Promise<void>((done, fail) =>
      execFile('apache2', ['-f', conf, '-k', command], (error, _stdout, stderr) => (error ? fail(new Error(`apache2 -k ${command}: ${stderr || error.message}`)) : done()))
    )
  const listening = () =>
    new Promise<boolean>((done) => {
      const socket = connect(Number(port), hostname)
      socket.once('connect', () => (socket.destroy(), done(true)))
      socket.once('error', () => done(false))
    })
  const until = async (want: boolean) => {
    for (let i = 0; i < 600 && (await listening()) !== want; i++) await new Promise((wake) => setTimeout(wake, 100))
    if ((await listening()) !== want) throw new Error(`Apache still ${want ? 'does not listen' : 'listens'} on ${hostname}:${port} after a minute`)
  }
  return {
    ...site,
    backlog: site.backlog,
    accessLog: join(site.dataDir, 'logs', 'apache-access.log'),
    async stopWeb() {
      await apache('stop')
      await until(false)
    },
    async startWeb() {
      await apache('start')
      await until(true)
    }
  }
}

async function start(spec: SiteSpec): Promise<WordPressSite> {
  const file = join(spec.dataDir(), 'connection.json')
  let connection = readConnection(file)
  if (!connection || !(await answers(connection, spec))) {
    await runSetup(spec.setup)
    connection = readConnection(file)
    if (!connection) throw new Error(`${spec.setup} succeeded but ${file} is missing or unreadable`)
  }
  return site(connection)
}

function readConnection(file: string): WordPressConnection | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as WordPressConnection
  } catch {
    return undefined
  }
}

/** The cached site is usable: same port as asked for, REST API and application password work, database answers. */
async function answers(connection: WordPressConnection, spec: SiteSpec): Promise<boolean> {
  const port = spec.port()
  if (port && new URL(connection.url).port !== port) return false
  try {
    const res = await fetch(`${connection.url}/wp-json/wp/v2/users/me`, {
      headers: { Authorization: basic(connection.users.admin.user, connection.users.admin.appPassword) },
      signal: AbortSignal.timeout(10_000)
    })
    if (res.status !== 200) return false
    await res.arrayBuffer()
    await runQuery(connection, 'SELECT 1')
    return true
  } catch {
    return false
  }
}

function runSetup(setup: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', [setup, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => {
      output += `\n[wordpress.ts] ${setup} took longer than ${SETUP_TIMEOUT_MS / 1000} s; killed it\n`
      child.kill('SIGKILL')
    }, SETUP_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`cannot run ${setup}: ${error.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolvePromise()
      else reject(new Error(`${setup} failed (${signal ?? `exit ${code}`}):\n${output}`))
    })
  })
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

// ------------------------------------------------------------------ SQL

let client: string | undefined

function runQuery(connection: WordPressConnection, sql: string): Promise<Row[]> {
  const { db } = connection
  const args = ['--batch', '--default-character-set=utf8mb4', `--socket=${db.socket}`, `--user=${db.user}`, db.name, '-e', sql]
  const env = { ...process.env, MYSQL_PWD: db.password }
  const run = (binary: string) =>
    new Promise<string>((ok, fail) => {
      execFile(binary, args, { env, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
        if (error) {
          const enoent = (error as NodeJS.ErrnoException).code === 'ENOENT'
          fail(Object.assign(new Error(enoent ? `${binary} not found` : `SQL failed: ${sql}\n${stderr || error.message}`), { enoent }))
        } else ok(stdout)
      })
    })
  const attempt = async (): Promise<string> => {
    if (client) return run(client)
    for (const binary of ['mariadb', 'mysql']) {
      try {
        const out = await run(binary)
        client = binary
        return out
      } catch (error) {
        if (!(error as { enoent?: boolean }).enoent) {
          client = binary
          throw error
        }
      }
    }
    throw new Error('neither the mariadb nor the mysql command-line client is installed (run tests/integration/wordpress/setup.sh)')
  }
  return attempt().then(parseBatch)
}

/** Parses `mariadb --batch` output: a header line, then tab-separated rows with \\n, \\t, \\\\ and \\0 escaped; NULL is SQL NULL. */
export function parseBatch(out: string): Row[] {
  const lines = out.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  if (lines.length === 0) return []
  const unescape = (value: string) =>
    value.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', '0': '\0', '\\': '\\' })[c] ?? c)
  const columns = lines[0].split('\t').map(unescape)
  return lines.slice(1).map((line) => {
    const cells = line.split('\t')
    const row: Row = {}
    columns.forEach((column, i) => {
      const cell = cells[i] ?? ''
      row[column] = cell === 'NULL' ? null : unescape(cell)
    })
    return row
  })
}

// ------------------------------------------------------------------ the site

/** wp_comments.comment_approved for each REST status. */
export const DB_STATUS: Record<CommentStatus, string> = { hold: '0', approved: '1', spam: 'spam', trash: 'trash' }

function site(connection: WordPressConnection): WordPressSite {
  const authHeader = (as: WordPressRole) => basic(connection.users[as].user, connection.users[as].appPassword)

  const rest = (path: string, options: RestOptions = {}): Promise<Response> => {
    const as = options.as === undefined ? 'admin' : options.as
    const headers: Record<string, string> = { ...options.headers }
    if (typeof as === 'string') headers.Authorization = authHeader(as)
    else if (as) headers.Authorization = basic(as.user, as.password)
    let body: string | undefined
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    return fetch(`${connection.url}/wp-json${path.startsWith('/') ? path : `/${path}`}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: AbortSignal.timeout(60_000)
    })
  }

  /** rest() that throws on a non-2xx answer and returns the parsed JSON. */
  const restJson = async <T>(what: string, path: string, options: RestOptions = {}): Promise<T> => {
    const res = await rest(path, options)
    const text = await res.text()
    if (!res.ok) throw new Error(`${what}: ${options.method ?? 'GET'} ${path} answered ${res.status}: ${text.slice(0, 1000)}`)
    return JSON.parse(text) as T
  }

  interface RestComment {
    id: number
    status: string
    author_ip: string
    author_user_agent: string
  }

  const setCommentStatus = async (id: number, status: CommentStatus): Promise<void> => {
    let comment = await restJson<RestComment>(`comment ${id}`, `/wp/v2/comments/${id}?context=edit`)
    // A REST update also stores the caller's IP and user agent unless they are given: keep the comment's own.
    const keep = { author_ip: comment.author_ip || '127.0.0.1', author_user_agent: comment.author_user_agent || 'Sieve tests' }
    const post = (value: string) =>
      restJson<RestComment>(`set comment ${id} to ${value}`, `/wp/v2/comments/${id}`, {
        method: 'POST',
        body: { ...keep, status: value },
        headers: { 'User-Agent': keep.author_user_agent }
      })
    if (comment.status === status) return
    // Leave trash and spam the way WordPress does, so its trash/spam bookkeeping stays consistent.
    if (comment.status === 'trash') comment = await post('untrash')
    if (comment.status === 'spam' && status !== 'spam') comment = await post('unspam')
    if (comment.status !== status) comment = await post(status)
    if (comment.status !== status) throw new Error(`comment ${id} is "${comment.status}" after setting it to "${status}"`)
  }

  const query = (sql: string) => runQuery(connection, sql)
  const p = connection.db.tablePrefix

  return {
    ...connection,
    query,
    setCommentStatus,
    authHeader,
    rest,

    async restoreSeededStatuses() {
      const rows = await query(
        `SELECT c.comment_ID AS id, c.comment_approved AS approved, m.meta_value AS seeded
           FROM ${p}comments c JOIN ${p}commentmeta m ON m.comment_id = c.comment_ID AND m.meta_key = 'sieve_seed_status'`
      )
      let changed = 0
      for (const row of rows) {
        const seeded = row.seeded as CommentStatus
        if (DB_STATUS[seeded] !== row.approved) {
          await setCommentStatus(Number(row.id), seeded)
          changed++
        }
      }
      return changed
    },

    async createComment(comment: NewComment = {}) {
      const created = await restJson<RestComment>('create comment', '/wp/v2/comments', {
        method: 'POST',
        body: {
          post: comment.post ?? connection.seed.posts[0].id,
          parent: comment.parent ?? 0,
          content: comment.content ?? `Test comment ${Date.now()}-${Math.random().toString(36).slice(2)}`,
          author_name: comment.authorName ?? 'Test Visitor',
          author_email: comment.authorEmail ?? 'visitor@example.test',
          author_ip: comment.authorIp ?? '192.0.2.10',
          author_user_agent: 'Sieve tests'
        },
        headers: { 'User-Agent': 'Sieve tests' }
      })
      const status = comment.status ?? 'hold'
      if (created.status !== status) await setCommentStatus(created.id, status)
      return created.id
    },

    async deleteComment(id: number) {
      await restJson('delete comment', `/wp/v2/comments/${id}?force=true`, { method: 'DELETE' })
    }
  }
}
