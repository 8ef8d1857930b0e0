import { describe, expect, it } from 'vitest'
import { backoffDelay, createScheduler, parseRetryAfter, type Failure } from '../../src/main/engine/scoring/scheduler'
import { ScorerError } from '../../src/main/engine/scoring/scorer-error'

class Throttled extends Error {}

const options = (overrides = {}) => ({
  requestsPerSecond: 1000,
  maxAttempts: 4,
  retryBaseMs: 1,
  retryMaxMs: 50,
  classify: (error: unknown): Failure =>
    error instanceof Throttled
      ? { retry: true, state: 'quota', reason: 'HTTP 429' }
      : { retry: false, error: new ScorerError('invalid-key', 'refused the key') },
  giveUp: (failure: Extract<Failure, { retry: true }>, attempts: number) => new ScorerError(failure.state, `gave up after ${attempts}`),
  ...overrides
})

describe('the scoring scheduler', () => {
  it('retries throttled calls until one succeeds', async () => {
    let calls = 0
    const scheduler = createScheduler(options())
    const result = await scheduler.run(async () => {
      if (++calls < 3) throw new Throttled()
      return 'scored'
    })
    expect([result, calls]).toEqual(['scored', 3])
  })

  it('gives up after the configured attempts with the scorer’s error', async () => {
    let calls = 0
    const scheduler = createScheduler(options({ maxAttempts: 2 }))
    await expect(scheduler.run(async () => { calls++; throw new Throttled() })).rejects.toMatchObject({ state: 'quota', message: 'gave up after 2' })
    expect(calls).toBe(2)
  })

  it('does not retry what retrying cannot fix', async () => {
    let calls = 0
    const scheduler = createScheduler(options())
    await expect(scheduler.run(async () => { calls++; throw new Error('400') })).rejects.toMatchObject({ state: 'invalid-key' })
    expect(calls).toBe(1)
  })

  it('gives up at once when the service asks for a longer wait than allowed', async () => {
    let calls = 0
    const scheduler = createScheduler(
      options({ classify: (): Failure => ({ retry: true, state: 'quota', reason: 'HTTP 429', retryAfterMs: 3_600_000 }) })
    )
    await expect(scheduler.run(async () => { calls++; throw new Throttled() })).rejects.toMatchObject({ state: 'quota' })
    expect(calls).toBe(1)
  })

  it('spaces calls to the rate limit', async () => {
    const scheduler = createScheduler(options({ requestsPerSecond: 20 }))
    const times: number[] = []
    await Promise.all([1, 2, 3].map(() => scheduler.run(async () => times.push(performance.now()))))
    // Three calls at 20 a second span at least two intervals (one timer firing late on a busy machine
    // shortens the gap after it, never the span).
    expect(times[2] - times[0]).toBeGreaterThanOrEqual(90)
  })

  it('backs off exponentially with jitter, capped', () => {
    const settings = { retryBaseMs: 100, retryMaxMs: 1000 }
    expect(backoffDelay(1, settings, () => 0)).toBe(50)
    expect(backoffDelay(1, settings, () => 1)).toBe(100)
    expect(backoffDelay(3, settings, () => 1)).toBe(400)
    expect(backoffDelay(10, settings, () => 1)).toBe(1000)
  })

  it('reads Retry-After in seconds or as a date', () => {
    const now = Date.parse('2026-08-17T12:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter('Mon, 17 Aug 2026 12:00:10 GMT', now)).toBe(10_000)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})
