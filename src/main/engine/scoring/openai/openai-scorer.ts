// An OpenAI-compatible moderation endpoint: POST {baseUrl}/v1/moderations with a batch of texts.
// The base URL is a setting so self-hosted servers that speak the same API work too.
import { z } from 'zod'
import { insecureEndpoint } from '../../endpoint'
import { tlsFailure } from '../../sources/platform-error'
import { createScheduler, inSeconds, parseRetryAfter, requestTimeoutShape, retrySettingsSchema, type Failure } from '../scheduler'
import { scorerKeyName, type ScoreResult, type Scorer, type ScorerContext, type ScorerStatus } from '../scorer'
import { OFFER_LOCAL, ScorerError, serviceSaid } from '../scorer-error'
import { mapCategories, OPENAI_ATTRIBUTES } from './category-map'

const NAME = 'openai'
const OPENAI_BASE_URL = 'https://api.openai.com'
const SET_KEY = '`sieve scorer set openai --key-stdin`'

export const openAiSettingsSchema = z
  .object({
    ...retrySettingsSchema.shape,
    ...requestTimeoutShape,
    baseUrl: z
      .string()
      .url()
      .superRefine((url, context) => {
        const problem = insecureEndpoint(url)
        if (problem) context.addIssue({ code: 'custom', message: problem })
      })
      .default(OPENAI_BASE_URL),
    model: z.string().min(1).max(100).default('omni-moderation-latest'),
    batchSize: z.number().int().min(1).max(256).default(32),
    requestsPerSecond: z.number().positive().max(1000).default(5)
  })
  .strict()

interface ModerationResponse {
  results?: { category_scores?: Record<string, number> }[]
}

/** A failed HTTP answer, kept apart from network failures so it can be sorted. */
class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: string | null,
    readonly body: { error?: { message?: string; code?: string; type?: string } }
  ) {
    super(`HTTP ${status}`)
  }
}

export function createOpenAiScorer(context: ScorerContext): Scorer {
  const settings = openAiSettingsSchema.parse(context.settings ?? {})
  const baseUrl = settings.baseUrl.replace(/\/+$/, '')
  const isOpenAi = new URL(baseUrl).hostname === 'api.openai.com'
  const key = () => context.secrets.get(scorerKeyName(NAME))
  const label = isOpenAi ? 'OpenAI moderation' : `OpenAI-compatible moderation (${new URL(baseUrl).host})`

  const status = (): ScorerStatus => {
    // Self-hosted servers often need no key; OpenAI's own always does.
    if (isOpenAi && !key()) return { state: 'no-key', detail: `OpenAI moderation has no API key: set one with ${SET_KEY}. ${OFFER_LOCAL}` }
    return { state: 'ready', detail: `Ready: ${settings.model} at ${baseUrl}, ${settings.batchSize} comments a request.` }
  }

  const said = (failure: HttpFailure) => serviceSaid(failure.body.error?.message, key())

  const classify = (error: unknown): Failure => {
    if (!(error instanceof HttpFailure)) {
      if (error instanceof ScorerError) return { retry: false, error }
      const tls = tlsFailure(error)
      if (tls !== undefined) {
        return { retry: false, error: new ScorerError('error', `The secure connection to the moderation service at ${baseUrl} failed (TLS: ${tls}); check its address and certificate. ${OFFER_LOCAL}`) }
      }
      if ((error as Error)?.name === 'TimeoutError') return { retry: true, state: 'error', reason: `no answer within ${inSeconds(settings.timeoutMs)}` }
      return { retry: true, state: 'error', reason: 'no answer (the connection failed)' }
    }
    const code = error.status
    if (code === 429 && error.body.error?.code === 'insufficient_quota') {
      return { retry: false, error: new ScorerError('quota', `The moderation service says the account's quota is used up (${said(error)}). ${OFFER_LOCAL}`) }
    }
    if (code === 429) return { retry: true, state: 'quota', reason: 'HTTP 429', retryAfterMs: parseRetryAfter(error.retryAfter) }
    if (code >= 500) return { retry: true, state: 'error', reason: `HTTP ${code}` }
    if (code === 401 || code === 403) {
      return { retry: false, error: new ScorerError('invalid-key', `The moderation service at ${baseUrl} refused the API key (HTTP ${code}: ${said(error) || 'not valid'}). Set a valid key with ${SET_KEY}. ${OFFER_LOCAL}`) }
    }
    if (code === 410) return { retry: false, error: new ScorerError('gone', `The moderation service at ${baseUrl} is gone (HTTP 410). ${OFFER_LOCAL}`) }
    if (code === 404) {
      return { retry: false, error: new ScorerError('error', `There is no moderation endpoint at ${baseUrl}/v1/moderations (HTTP 404): check the base URL with \`sieve scorer set openai --endpoint URL\`.`) }
    }
    return { retry: false, error: new ScorerError('error', `The moderation service refused the request (HTTP ${code}: ${said(error) || 'no reason given'}).`) }
  }

  const scheduler = createScheduler({
    ...settings,
    classify,
    giveUp: (failure, attempts) =>
      failure.state === 'quota'
        ? new ScorerError('quota', `The moderation service keeps saying "too many requests" (${attempts} tries). Try later or lower the pace with \`sieve scorer set openai --qps N\`. ${OFFER_LOCAL}`)
        : new ScorerError('error', `The moderation service at ${baseUrl} is not answering (${failure.reason}, ${attempts} tries). ${OFFER_LOCAL}`)
  })

  const moderate = async (texts: string[], signal?: AbortSignal): Promise<ScoreResult[]> => {
    const apiKey = key()
    // The time limit covers the answer's body too; the job's signal still cancels at once.
    const timeout = AbortSignal.timeout(settings.timeoutMs)
    const response = await fetch(`${baseUrl}/v1/moderations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify({ model: settings.model, input: texts }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout
    })
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as HttpFailure['body']
      throw new HttpFailure(response.status, response.headers.get('retry-after'), body)
    }
    let answer: ModerationResponse
    try {
      answer = (await response.json()) as ModerationResponse
    } catch (error) {
      // A 200 whose body is not JSON (cut off, an HTML error page from a proxy): nothing in it can be a score.
      if (error instanceof SyntaxError) throw malformed('its answer is not valid JSON')
      throw error
    }
    const results = answer?.results
    if (!Array.isArray(results) || results.length !== texts.length) {
      throw new ScorerError('error', `The moderation service at ${baseUrl} answered ${Array.isArray(results) ? results.length : 'no'} results for ${texts.length} comments.`)
    }
    // A result without scores would mark its comment as scored and clean: refuse the whole batch instead.
    if (results.some((result) => typeof result?.category_scores !== 'object' || result.category_scores === null)) {
      throw malformed('a result has no category_scores')
    }
    return results.map((result) => ({ scores: mapCategories(result.category_scores ?? {}), spans: [] }))
  }
  const malformed = (what: string) =>
    new ScorerError('error', `The moderation service at ${baseUrl} answered, but not in the moderation API's format (${what}); no scores were saved from it.`)

  return {
    name: NAME,
    label,
    modelVersion: settings.model,
    attributes: OPENAI_ATTRIBUTES,
    languages: 'any',
    batchSize: settings.batchSize,
    remote: true,
    endpoint: baseUrl,
    rateLimit: { requestsPerSecond: settings.requestsPerSecond },
    settings,
    status,
    async score(texts, signal) {
      const now = status()
      if (now.state !== 'ready') throw new ScorerError(now.state, now.detail)
      return scheduler.run(() => moderate(texts, signal), signal)
    }
  }
}
