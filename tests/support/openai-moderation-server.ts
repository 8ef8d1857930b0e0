// A loopback server that speaks OpenAI's POST /v1/moderations: checks the key and the body, answers one
// result per input (high harassment for "idiot", high violence for "kill"), and can fail on demand.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson as answer, startLoopbackServer } from './loopback-json-server'

export type ModerationMode = 'ok' | 'rate-limited' | 'no-quota' | 'server-error'

export interface ModerationServer {
  baseUrl: string
  /** Each request's inputs, in order. */
  batches: string[][]
  /** Each request's Authorization header (undefined when it had none), in order. */
  authorizations: (string | undefined)[]
  models: string[]
  fail(mode: ModerationMode, times?: number): void
}

const CATEGORIES = [
  'harassment', 'harassment/threatening', 'hate', 'hate/threatening', 'illicit', 'illicit/violent', 'self-harm',
  'self-harm/intent', 'self-harm/instructions', 'sexual', 'sexual/minors', 'violence', 'violence/graphic'
]

function categoryScores(text: string): Record<string, number> {
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, 0.001]))
  if (/idiot/i.test(text)) scores.harassment = 0.88
  if (/kill/i.test(text)) Object.assign(scores, { violence: 0.81, 'harassment/threatening': 0.77 })
  return scores
}

export async function startModerationServer(validKey: string | null): Promise<ModerationServer> {
  const batches: string[][] = []
  const authorizations: (string | undefined)[] = []
  const models: string[] = []
  let mode: ModerationMode = 'ok'
  let remaining = Infinity
  const error = (response: ServerResponse, status: number, code: string, message: string, headers?: Record<string, string>) =>
    answer(response, status, { error: { message, type: code, code } }, headers)

  const handle = (request: IncomingMessage, response: ServerResponse, raw: string) => {
    authorizations.push(request.headers.authorization)
    if (request.method !== 'POST' || request.url !== '/v1/moderations') return error(response, 404, 'not_found', 'Unknown endpoint')
    const current = mode
    if (--remaining <= 0) [mode, remaining] = ['ok', Infinity]
    if (current === 'rate-limited') return error(response, 429, 'rate_limit_exceeded', 'Rate limit reached', { 'retry-after': '0' })
    if (current === 'no-quota') return error(response, 429, 'insufficient_quota', 'You exceeded your current quota.')
    if (current === 'server-error') return error(response, 500, 'server_error', 'The server had an error.')
    if (validKey && request.headers.authorization !== `Bearer ${validKey}`) {
      return error(response, 401, 'invalid_api_key', 'Incorrect API key provided.')
    }
    const body = JSON.parse(raw) as { model?: unknown; input?: unknown }
    if (typeof body.model !== 'string' || !Array.isArray(body.input) || body.input.some((item) => typeof item !== 'string')) {
      return error(response, 400, 'invalid_request_error', 'model (string) and input (array of strings) are required')
    }
    const input = body.input as string[]
    batches.push(input)
    models.push(body.model)
    answer(response, 200, {
      id: `modr-${batches.length}`,
      model: 'omni-moderation-2024-09-26',
      results: input.map((text) => {
        const scores = categoryScores(text)
        return {
          flagged: Object.values(scores).some((score) => score > 0.5),
          categories: Object.fromEntries(Object.entries(scores).map(([category, score]) => [category, score > 0.5])),
          category_scores: scores
        }
      })
    })
  }

  const origin = await startLoopbackServer(handle)
  return {
    baseUrl: origin,
    batches,
    authorizations,
    models,
    fail(next, times = Infinity) {
      mode = next
      remaining = times
    }
  }
}
