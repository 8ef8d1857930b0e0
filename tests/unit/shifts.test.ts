// Shifts on a newsroom's clock: the zone's offset (half hours, summer time), a night shift past
// midnight counted on the day it began, and settings that say what is wrong with them.
import { describe, expect, it } from 'vitest'
import { shiftFinder } from '../../src/main/engine/reports/shifts'
import { DEFAULT_SHIFTS, shiftsSchema } from '../../src/shared/reports'

const rota = (timeZone: string) => ({ ...DEFAULT_SHIFTS, timeZone })

describe('shifts', () => {
  it('reads decision times on the newsroom clock, half-hour offsets included', () => {
    const shiftOf = shiftFinder(rota('Asia/Kolkata'))
    // 00:29 UTC is 05:59 in India: still the night shift that began the evening before.
    expect(shiftOf('2026-12-07T00:29:59.000Z')).toEqual({ day: '2026-12-06', shift: 'Night' })
    expect(shiftOf('2026-12-07T00:30:00.000Z')).toEqual({ day: '2026-12-07', shift: 'Early' })
    expect(shiftOf('2026-12-07T08:29:00.000Z')).toEqual({ day: '2026-12-07', shift: 'Early' })
    expect(shiftOf('2026-12-07T08:30:00.000Z')).toEqual({ day: '2026-12-07', shift: 'Late' })
    expect(shiftOf('2026-12-07T20:00:00.000Z')).toEqual({ day: '2026-12-07', shift: 'Night' })
  })

  it('follows summer time', () => {
    const shiftOf = shiftFinder(rota('Europe/London'))
    expect(shiftOf('2026-07-01T05:30:00.000Z')).toEqual({ day: '2026-07-01', shift: 'Early' })
    expect(shiftOf('2026-12-01T05:30:00.000Z')).toEqual({ day: '2026-11-30', shift: 'Night' })
  })

  it('counts by start whatever order the shifts are listed in', () => {
    const shiftOf = shiftFinder({
      timeZone: 'UTC',
      shifts: [
        { name: 'Evening', start: '18:00' },
        { name: 'Day', start: '09:00' }
      ]
    })
    expect(shiftOf('2026-12-07T08:00:00.000Z')).toEqual({ day: '2026-12-06', shift: 'Evening' })
    expect(shiftOf('2026-12-07T12:00:00.000Z')).toEqual({ day: '2026-12-07', shift: 'Day' })
  })

  it('refuses an unknown zone, a clock that is not HH:MM, and two shifts starting together', () => {
    const problems = (value: unknown) => (shiftsSchema.safeParse(value).error?.issues ?? []).map((issue) => issue.message).join('; ')
    expect(problems(rota('Mars/Olympus'))).toMatch(/not a time zone/)
    expect(problems({ timeZone: 'UTC', shifts: [{ name: 'Early', start: '6am' }] })).toMatch(/HH:MM/)
    expect(
      problems({
        timeZone: 'UTC',
        shifts: [
          { name: 'A', start: '06:00' },
          { name: 'B', start: '06:00' }
        ]
      })
    ).toMatch(/same time/)
    expect(problems(DEFAULT_SHIFTS)).toBe('')
  })
})
