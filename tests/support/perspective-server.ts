// A loopback server that speaks Perspective's comments:analyze: it checks each request the way Google
// does, scores "idiot" and "kill" high (with a span on the word), and can be switched into failing modes.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson as answer, startLoopbackServer } from './loopback-json-server'

export type PerspectiveMode = 'ok' | 'rate-limited' | 'server-error' | 'gone'

export interface PerspectiveRequest {
  key: string | null
  body: { comment?: { text?: unknown }; requestedAttributes?: Record<string, unknown>; doNotStore?: unknown; languages?: unknown; spanAnnotations?: unknown }
}

export interface PerspectiveServer {
  /** What the client must be sent to instead of https://commentanalyzer.googleapis.com. */
  origin: string
  requests: PerspectiveRequest[]
  /** The mode for the next `times` requests (then back to ok), or for good. */
  fail(mode: PerspectiveMode, times?: number): void
}

const KNOWN = ['TOXICITY', 'SEVERE_TOXICITY', 'INSULT', 'PROFANITY', 'THREAT', 'IDENTITY_ATTACK', 'SEXUALLY_EXPLICIT']
const HOT_WORDS: Record<string, string[]> = { idiot: ['TOXICITY', 'INSULT'], kill: ['TOXICITY', 'THREAT'] }

export async function startPerspectiveServer(validKey: string): Promise<PerspectiveServer> {
  const requests: PerspectiveRequest[] = []
  let mode: PerspectiveMode = 'ok'
  let remaining = Infinity

  const error = (response: ServerResponse, code: number, status: string, message: string, reason?: string, headers?: Record<string, string>) =>
    answer(response, code, { error: { code, status, message, ...(reason ? { details: [{ reason }] } : {}) } }, headers)

  const handle = (request: IncomingMessage, response: ServerResponse, raw: string) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (request.method !== 'POST' || url.pathname !== '/v1alpha1/comments:analyze') return error(response, 404, 'NOT_FOUND', 'Not found')
    const key = url.searchParams.get('key')
    let body: PerspectiveRequest['body']
    try {
      body = JSON.parse(raw)
    } catch {
      return error(response, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.')
    }
    requests.push({ key, body })
    const current = mode
    if (--remaining <= 0) [mode, remaining] = ['ok', Infinity]
    if (current === 'gone') return error(response, 404, 'NOT_FOUND', 'Method not found.')
    if (current === 'rate-limited') return error(response, 429, 'RESOURCE_EXHAUSTED', 'Quota exceeded.', undefined, { 'retry-after': '0' })
    if (current === 'server-error') return error(response, 503, 'UNAVAILABLE', 'The service is currently unavailable.')
    if (key !== validKey) return error(response, 400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', 'API_KEY_INVALID')
    const text = body.comment?.text
    if (typeof text !== 'string' || text === '') return error(response, 400, 'INVALID_ARGUMENT', 'Comment must be non-empty.')
    const attributes = Object.keys(body.requestedAttributes ?? {})
    if (attributes.length === 0 || attributes.some((attribute) => !KNOWN.includes(attribute))) {
      return error(response, 400, 'INVALID_ARGUMENT', `Unknown or missing requested attributes: ${attributes.join(',')}`)
    }
    if (!Array.isArray(body.languages) || body.languages.length === 0) return error(response, 400, 'INVALID_ARGUMENT', 'languages must be given')
    if (body.doNotStore !== true || body.spanAnnotations !== true) return error(response, 400, 'INVALID_ARGUMENT', 'expected doNotStore and spanAnnotations')

    const attributeScores: Record<string, unknown> = {}
    for (const attribute of attributes) {
      const spans = Object.entries(HOT_WORDS)
        .filter(([word, hits]) => hits.includes(attribute) && [...text.matchAll(new RegExp(word, 'gi'))].length > 0)
        .flatMap(([word]) => [...text.matchAll(new RegExp(word, 'gi'))].map((match) => ({ word, begin: [...text.slice(0, match.index)].length })))
        .map(({ word, begin }) => ({ begin, end: begin + word.length, score: { value: 0.92, type: 'PROBABILITY' } }))
      const value = spans.length ? 0.92 : 0.04
      attributeScores[attribute] = { summaryScore: { value, type: 'PROBABILITY' }, spanScores: spans }
    }
    answer(response, 200, { attributeScores, languages: body.languages, detectedLanguages: body.languages })
  }

  const origin = await startLoopbackServer(handle)
  return {
    origin,
    requests,
    fail(next, times = Infinity) {
      mode = next
      remaining = times
    }
  }
}
