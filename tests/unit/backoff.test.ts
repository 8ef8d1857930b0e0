import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../src/main/engine/sync/backoff'

describe('backoff', () => {
  const options = { baseMs: 1_000, maxMs: 60_000 }

  it('doubles with each failure, between half and all of the ceiling', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options, () => 0))).toEqual([500, 1_000, 2_000, 4_000])
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000])
  })

  it('never waits longer than the cap, however many failures', () => {
    expect(backoffDelay(50, options, () => 1)).toBe(60_000)
    expect(backoffDelay(5_000, options, () => 0.5)).toBe(45_000)
  })

  it('spreads entries that failed together', () => {
    const waits = new Set(Array.from({ length: 50 }, () => backoffDelay(6, options)))
    expect(waits.size).toBeGreaterThan(40)
  })
})
