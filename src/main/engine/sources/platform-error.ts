// How talking to a platform failed, in words a moderator can act on. Transport failures and the HTTP
// answers worth waiting out (408, 429, 5xx) are retried with backoff; any other refusal is final until
// someone changes something and retries.
import { UserError } from '../errors'

export type FailureKind =
  | 'dns' // the host name does not resolve
  | 'tls' // the certificate or TLS handshake failed
  | 'refused' // nothing listens on that host and port
  | 'network' // reset, timeout, other transport trouble
  | 'unauthorized' // 401: wrong user or application password
  | 'forbidden' // 403: the user's role may not do this
  | 'not-found' // 404: no REST API there, or no such comment
  | 'http' // another HTTP error answer

/** Its message is written for the moderator (and never holds a credential), so transports pass it on. */
export class PlatformError extends UserError {
  override name = 'PlatformError'
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
    /** The platform's own error code (WordPress: `rest_not_logged_in` …). */
    readonly code?: string,
    /** Overrides what the status says: a 200 that did not do the job is worth retrying. */
    private readonly retry?: boolean
  ) {
    super(message)
  }

  /** Worth trying again later without anyone changing anything. */
  get retriable(): boolean {
    if (this.retry !== undefined) return this.retry
    if (this.status === undefined) return true
    return this.status === 408 || this.status === 429 || this.status >= 500
  }
}

/** Codes of a connection the other side dropped before answering in full. */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'])

const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|EPROTO|HOSTNAME_MISMATCH)/

/**
 * What went wrong with the secure connection, when a request failed on TLS (a certificate nobody signed,
 * the wrong host name, a broken handshake); undefined for other failures. Trying again will not help.
 */
export function tlsFailure(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const code = cause?.code ?? (error as { code?: string })?.code ?? ''
  const message = cause?.message ?? (error as Error)?.message ?? ''
  // A reset "before secure TLS connection was established" counts too: mostly https to a plain-http port.
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(message)) return message || code
  return undefined
}


export interface TransportContext {
  /** The request's time limit, said in the message when it ran out. */
  timeoutMs?: number
  /** The caller gave up (a cancelled pull): no fault of the server's. */
  cancelled?: boolean
}

/** A PlatformError for a request that got no HTTP answer (fetch threw). */
export function transportError(error: unknown, host: string, context: TransportContext = {}): PlatformError {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const code = cause?.code ?? (error as { code?: string })?.code ?? ''
  const name = (error as { name?: string })?.name
  if (context.cancelled) return new PlatformError('network', `The request to ${host} was cancelled.`)
  if (name === 'TimeoutError' || name === 'AbortError') {
    const limit = context.timeoutMs === undefined ? '' : ` within ${seconds(context.timeoutMs)}`
    return new PlatformError('network', `${host} did not answer${limit}: the request timed out.`)
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new PlatformError('dns', `The host name ${host} could not be found (DNS).`)
  if (code === 'ECONNREFUSED') return new PlatformError('refused', `${host} refused the connection: nothing is listening there.`)
  const tls = tlsFailure(error)
  if (tls !== undefined) return new PlatformError('tls', `The secure connection to ${host} failed (TLS: ${tls}).`)
  if (RESET_CODES.has(code)) return new PlatformError('network', `${host} closed the connection before answering (${code}).`)
  return new PlatformError('network', `The connection to ${host} failed (${code || cause?.message || (error as Error)?.message || 'network error'}).`)
}

/** 30000 → "30 s", 500 → "0.5 s". */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}
