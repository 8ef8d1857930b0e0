// Which shift a decision fell in. Shifts start on the newsroom's clock (its time zone, summer time
// included); a shift that runs past midnight belongs to the day it began, as the rota says.
import type { Shifts } from '../../../shared/reports'

export interface ShiftOfDecision {
  /** The local day the shift began, YYYY-MM-DD. */
  day: string
  shift: string
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))

/** A function from a decision's time (ISO, UTC) to its shift; the zone's offset is looked up once an hour. */
export function shiftFinder(settings: Shifts): (decidedAt: string) => ShiftOfDecision {
  const starts = settings.shifts.map((shift) => ({ name: shift.name, at: minutesOf(shift.start) })).sort((a, b) => a.at - b.at)
  const offsetOfHour = zoneOffsets(settings.timeZone)
  return (decidedAt) => {
    const instant = Date.parse(decidedAt)
    const local = new Date(instant + offsetOfHour(instant))
    const day = local.toISOString().slice(0, 10)
    const at = local.getUTCHours() * 60 + local.getUTCMinutes()
    const current = starts.findLast((start) => start.at <= at)
    // Before the day's first start: still the last shift of the day before.
    return current ? { day, shift: current.name } : { day: dayBefore(day), shift: starts[starts.length - 1].name }
  }
}

/** The zone's offset from UTC (ms) at an instant, found once for each UTC hour: zones change offset on the hour. */
function zoneOffsets(timeZone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit'
  })
  const byHour = new Map<number, number>()
  return (instant) => {
    const hour = Math.floor(instant / 3_600_000) * 3_600_000
    let offset = byHour.get(hour)
    if (offset === undefined) {
      const parts = Object.fromEntries(format.formatToParts(new Date(hour)).map((part) => [part.type, Number(part.value)]))
      offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - hour
      byHour.set(hour, offset)
    }
    return offset
  }
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}
