// A small client for the WordPress REST API: Basic auth with an application password, JSON in and out,
// failures as PlatformErrors. Routes go through `?rest_route=`, which works whatever the site's permalinks.
// A GET whose parameters would make too long a URL (thousands of ids in `include[]`) goes as a POST with
// the parameters as JSON and `_method=GET`: WordPress's own method override, which reads JSON parameters
// whatever the method (WP_REST_Server::serve_request, WP_REST_Request::get_parameter_order).
import { PlatformError, transportError } from '../platform-error'

/** Longer URLs go as a POST with `_method=GET` (servers refuse request lines of about 8 KB). */
const MAX_URL_CHARS = 4_000

export interface WordPressClientOptions {
  url: string
  user: string
  password: string
  /** How long one request may take, answer included, before it counts as a network failure (default 30 s). */
  timeoutMs?: number
  userAgent?: string
}

export type Params = Record<string, string | number | (string | number)[] | undefined>

export interface Answer<T> {
  body: T
  headers: Headers
}

export interface WordPressClient {
  readonly host: string
  /** `signal` ends the request early (a cancelled pull), whatever the timeout. */
  get<T>(route: string, params?: Params, signal?: AbortSignal): Promise<Answer<T>>
  post<T>(route: string, body: unknown, params?: Params): Promise<Answer<T>>
}

export function createWordPressClient(options: WordPressClientOptions): WordPressClient {
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`)
  const host = base.host
  // Built once, kept in a closure: the password never reaches a message, a log or the database.
  const authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`
  const userAgent = options.userAgent ?? 'Sieve'
  const timeoutMs = options.timeoutMs ?? 30_000

  const request = async <T>(method: string, route: string, params: Params = {}, body?: unknown, cancel?: AbortSignal): Promise<Answer<T>> => {
    let url = new URL(base)
    url.searchParams.set('rest_route', route)
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(`${key}[]`, String(item))
      else url.searchParams.set(key, String(value))
    }
    if (method === 'GET' && body === undefined && url.href.length > MAX_URL_CHARS) {
      url = new URL(base)
      url.searchParams.set('rest_route', route)
      url.searchParams.set('_method', 'GET')
      method = 'POST'
      body = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined))
    }
    // A server that accepts and never answers must not hold a pull (or the sync loop) forever.
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = cancel ? AbortSignal.any([cancel, timeout]) : timeout
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          'User-Agent': userAgent,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(url.searchParams.has('_method') ? { 'X-HTTP-Method-Override': 'GET' } : {})
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'follow',
        signal
      })
    } catch (error) {
      throw transportError(error, host, { timeoutMs, cancelled: cancel?.aborted })
    }
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw transportError(error, host, { timeoutMs, cancelled: cancel?.aborted })
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    if (!response.ok) throw httpError(response.status, json, host)
    if (json === undefined) {
      throw new PlatformError('not-found', `${host} answered, but not with WordPress's REST API (no JSON at ${route}).`, response.status)
    }
    return { body: json as T, headers: response.headers }
  }

  return {
    host,
    get: (route, params, signal) => request('GET', route, params, undefined, signal),
    post: (route, body, params) => request('POST', route, params, body)
  }
}

function httpError(status: number, json: unknown, host: string): PlatformError {
  const { code, message } = (json ?? {}) as { code?: string; message?: string }
  const said = message ? `: ${stripTags(message)}` : ''
  const codeText = code ? ` (${code})` : ''
  if (status === 401) {
    return new PlatformError('unauthorized', `WordPress at ${host} refused the user name or application password (401${codeText})${said}`, status, code)
  }
  if (status === 403) {
    return new PlatformError('forbidden', `WordPress at ${host} does not let this user do that (403${codeText}); it needs a role that may moderate comments${said}`, status, code)
  }
  if (status === 404 && code === undefined) {
    return new PlatformError('not-found', `${host} has no WordPress REST API there (404): check the site address, or whether the REST API is disabled.`, status)
  }
  if (status === 404) return new PlatformError('not-found', `WordPress at ${host} answered 404${codeText}${said}`, status, code)
  return new PlatformError('http', `WordPress at ${host} answered ${status}${codeText}${said}`, status, code)
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '').slice(0, 500)
}
