// Google's Perspective API (comments:analyze) through perspective-api-client: one comment per request,
// paced at the configured QPS, never stored by Google (doNotStore), with span scores for highlighting.
import { AsyncLocalStorage } from 'node:async_hooks'
import { createRequire } from 'node:module'
import type Perspective from 'perspective-api-client'
import type { Attribute, Scores, Span } from '../../../../shared/model'
import { tlsFailure } from '../../sources/platform-error'
import { createScheduler, inSeconds, parseRetryAfter, type Failure } from '../scheduler'
import { scorerKeyName, type ScoreResult, type Scorer, type ScorerContext, type ScorerStatus } from '../scorer'
import { OFFER_LOCAL, ScorerError, serviceSaid } from '../scorer-error'
import { perspectiveSettingsSchema } from './perspective-settings'

const NAME = 'perspective'
/** Where perspective-api-client sends every request (it takes no other). */
const PERSPECTIVE_ENDPOINT = 'https://commentanalyzer.googleapis.com'
const LABEL = 'Perspective API'
/** Google turns Perspective off on 2026-12-31; from the next day on it is gone whatever it answers. */
export const PERSPECTIVE_SHUTDOWN = '2026-12-31'
const GONE_FROM = Date.parse('2027-01-01T00:00:00Z')
/** The most text comments:analyze takes (the client would otherwise refuse, after sending anyway). */
const MAX_LENGTH = 20_480

const SET_KEY = '`sieve scorer set perspective --key-stdin`'

interface AxiosLikeResponse {
  status: number
  headers?: Record<string, string | undefined>
  data?: { error?: { message?: string; status?: string; details?: { reason?: string }[] } }
}

interface AnalyzeResponse {
  attributeScores?: Record<string, { summaryScore?: { value: number }; spanScores?: { begin: number; end: number; score: { value: number } }[] }>
}

/** The time limit and the job's signal for the request being made in this async context. */
interface CallLimits {
  timeoutMs: number
  signal?: AbortSignal
}
const callLimits = new AsyncLocalStorage<CallLimits>()
let limitsInstalled = false

/**
 * perspective-api-client posts through axios's default instance and takes no timeout or signal, so a
 * server that never answers would hold a scoring job forever. A request interceptor on that very
 * instance gives each call made inside `callLimits.run` its time limit and signal; other requests are
 * left as they are.
 */
/**
 * The client and its axios load on first use (about 9 MB): most newsrooms never configure Perspective, and
 * every Sieve process (an import, the app) would otherwise carry them.
 */
function loadClient(): typeof Perspective {
  return createRequire(import.meta.url)('perspective-api-client') as typeof Perspective
}

function installCallLimits(): void {
  if (limitsInstalled) return
  limitsInstalled = true
  const fromClient = createRequire(createRequire(import.meta.url).resolve('perspective-api-client'))
  const axios = fromClient('axios') as { interceptors: { request: { use(change: (config: object) => object): number } } }
  axios.interceptors.request.use((config) => {
    const limits = callLimits.getStore()
    return limits ? { ...config, timeout: limits.timeoutMs, signal: limits.signal } : config
  })
}

/** Why a request got no answer, from what the client passes on of axios's error (its message only). */
function noAnswer(error: unknown, timeoutMs: number): string {
  const message = (error as Error)?.message ?? ''
  if (/^timeout of \d+ms exceeded$/.test(message)) return `no answer within ${inSeconds(timeoutMs)}`
  return 'no answer (the connection failed)'
}

export function createPerspectiveScorer(context: ScorerContext): Scorer {
  const settings = perspectiveSettingsSchema.parse(context.settings ?? {})
  const key = () => context.secrets.get(scorerKeyName(NAME))
  let client: Perspective | undefined
  let clientKey: string | undefined

  const status = (): ScorerStatus => {
    if (context.now().getTime() >= GONE_FROM) {
      return { state: 'gone', detail: `Google shut the Perspective API down on ${PERSPECTIVE_SHUTDOWN}. Scores it gave earlier are kept. ${OFFER_LOCAL}` }
    }
    if (!key()) return { state: 'no-key', detail: `Perspective API has no API key: set one with ${SET_KEY}. ${OFFER_LOCAL}` }
    return { state: 'ready', detail: `Ready, at most ${settings.requestsPerSecond} requests a second. Google shuts it down on ${PERSPECTIVE_SHUTDOWN}.` }
  }

  /** The service's own words, never with the key in them. */
  const said = (response: AxiosLikeResponse) => serviceSaid(response.data?.error?.message, key())

  const classify = (error: unknown): Failure => {
    const response = (error as { response?: AxiosLikeResponse }).response
    if (error instanceof ScorerError) return { retry: false, error }
    const tls = response ? undefined : tlsFailure(error)
    if (tls !== undefined) {
      return { retry: false, error: new ScorerError('error', `The secure connection to the Perspective API failed (TLS: ${tls}); a proxy or security software may be in the way. ${OFFER_LOCAL}`) }
    }
    if (!response) return { retry: true, state: 'error', reason: noAnswer(error, settings.timeoutMs) }
    const { status: code } = response
    const reason = response.data?.error?.details?.map((detail) => detail.reason).join(' ') ?? ''
    if (code === 429) return { retry: true, state: 'quota', reason: 'HTTP 429', retryAfterMs: parseRetryAfter(response.headers?.['retry-after']) }
    if (code >= 500) return { retry: true, state: 'error', reason: `HTTP ${code}` }
    if (code === 404 || code === 410) {
      return { retry: false, error: new ScorerError('gone', `The Perspective API is gone (HTTP ${code}): Google shut it down. Scores it gave earlier are kept. ${OFFER_LOCAL}`) }
    }
    if ((code === 400 && /API_KEY_INVALID|API key not valid/i.test(`${reason} ${said(response)}`)) || code === 401 || code === 403) {
      return { retry: false, error: new ScorerError('invalid-key', `The Perspective API refused the API key (HTTP ${code}: ${said(response) || 'not valid'}). Set a valid key with ${SET_KEY}. ${OFFER_LOCAL}`) }
    }
    return { retry: false, error: new ScorerError('error', `The Perspective API refused a comment (HTTP ${code}: ${said(response) || 'no reason given'}).`) }
  }

  const scheduler = createScheduler({
    ...settings,
    classify,
    giveUp: (failure, attempts) =>
      failure.state === 'quota'
        ? new ScorerError('quota', `The Perspective API quota is used up (still ${failure.reason} after ${attempts} tries). Try later, lower the pace with \`sieve scorer set perspective --qps N\`, or ask Google for more. ${OFFER_LOCAL}`)
        : new ScorerError('error', `The Perspective API is not answering (${failure.reason}, ${attempts} tries). ${OFFER_LOCAL}`)
  })

  const analyze = async (text: string, signal?: AbortSignal): Promise<ScoreResult> => {
    if (text.trim() === '') return { scores: {}, spans: [] }
    const apiKey = key()!
    if (!client || clientKey !== apiKey) [client, clientKey] = [new (loadClient())({ apiKey }), apiKey]
    const request = {
      comment: { text: text.slice(0, MAX_LENGTH) },
      requestedAttributes: Object.fromEntries(settings.attributes.map((attribute) => [attribute, {}])),
      languages: settings.languages,
      doNotStore: true,
      spanAnnotations: true
    }
    // Spans must point into the text as we hold it, so the client must not strip HTML.
    installCallLimits()
    const analyzing = client
    const response = (await callLimits.run({ timeoutMs: settings.timeoutMs, signal }, () =>
      analyzing.analyze(request, { stripHTML: false, doNotStore: true })
    )) as AnalyzeResponse | string | null
    // axios hands over a body that is not JSON as a string: nothing in it can be a score.
    if (typeof response !== 'object' || response === null || typeof response.attributeScores !== 'object' || response.attributeScores === null) {
      throw new ScorerError('error', `The Perspective API answered, but not in its usual format (no attributeScores); no scores were saved from it.`)
    }
    return readScores(text, response, settings.attributes, settings.spanThreshold)
  }

  return {
    name: NAME,
    label: LABEL,
    modelVersion: `v1alpha1 ${settings.languages.join('+')}`,
    attributes: settings.attributes,
    languages: settings.languages,
    batchSize: 1,
    remote: true,
    endpoint: PERSPECTIVE_ENDPOINT,
    rateLimit: { requestsPerSecond: settings.requestsPerSecond },
    settings,
    status,
    async score(texts, signal) {
      const now = status()
      if (now.state !== 'ready') throw new ScorerError(now.state, now.detail)
      const results: ScoreResult[] = []
      for (const text of texts) results.push(await scheduler.run(() => analyze(text, signal), signal))
      return results
    }
  }
}

function readScores(text: string, response: AnalyzeResponse, attributes: readonly Attribute[], spanThreshold: number): ScoreResult {
  const scores: Scores = {}
  const spans: Span[] = []
  for (const attribute of attributes) {
    const found = response.attributeScores?.[attribute]
    if (!found?.summaryScore) continue
    scores[attribute] = clamp(found.summaryScore.value)
    for (const span of found.spanScores ?? []) {
      if (span.score.value < spanThreshold) continue
      const start = utf16Offset(text, span.begin)
      const end = utf16Offset(text, span.end)
      if (end > start) spans.push({ start, end, attribute, signal: `Perspective ${attribute} ${span.score.value.toFixed(2)}` })
    }
  }
  return { scores, spans }
}

/** Perspective counts characters (code points); our spans count UTF-16 units, as JavaScript strings do. */
function utf16Offset(text: string, codePoints: number): number {
  let offset = 0
  for (let seen = 0; seen < codePoints && offset < text.length; seen++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1
  return offset
}

const clamp = (value: number) => Math.min(1, Math.max(0, value))
