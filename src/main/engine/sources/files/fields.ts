// Field checks every file format shares, so a comment means the same thing whichever file it came in.
import { createHash } from 'node:crypto'
import type { Status } from '../../../../shared/model'
import { interchangeRecord } from './interchange'

/** The interchange format's limits, so no importer lets in what NDJSON would refuse. */
export const MAX_ID = 256
export const MAX_TEXT = 1_000_000
export const MAX_SHORT_TEXT = 2000

/** A record id, trimmed; throws when it is empty or too long. `what` names the field in the message. */
export function requireId(value: string | null | undefined, what: string): string {
  const id = (value ?? '').trim()
  if (id === '') throw new Error(`${what} is missing`)
  if (id.length > MAX_ID) throw new Error(`${what} is longer than ${MAX_ID} characters`)
  return id
}

/** An optional id: empty means none. */
export function optionalId(value: string | null | undefined, what: string): string | null {
  return (value ?? '').trim() === '' ? null : requireId(value, what)
}

/** Comment text: never empty (there is nothing to moderate), never longer than the store accepts. */
export function requireText(text: string, what: string): string {
  if (text.trim() === '') throw new Error(`${what} is empty`)
  if (text.length > MAX_TEXT) throw new Error(`${what} is longer than 1,000,000 characters`)
  return text
}

/** A title, name or url: trimmed, empty means none, cut to the store's limit. */
export function shortText(value: string | null | undefined): string | null {
  const text = (value ?? '').trim()
  return text === '' ? null : text.slice(0, MAX_SHORT_TEXT)
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * An ISO 8601 date-time (or the SQL form `2024-03-01 10:15:00`) as an ISO string; without an offset it
 * is read as UTC, which is what WordPress's *_gmt columns and most database dumps mean. Empty and
 * WordPress's "no date" (0000-00-00 00:00:00) are null; anything else throws.
 */
export function parseDate(value: string | null | undefined, what: string): string | null {
  const text = (value ?? '').trim()
  if (text === '' || /^0000-00-00( 00:00:00)?$/.test(text)) return null
  const match = DATE.exec(text)
  if (match) {
    const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`
    const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`)
    // Date() rolls 2024-02-30 over to March; a calendar check catches that.
    const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
    if (!Number.isNaN(date.getTime()) && calendar.getUTCDate() === Number(day) && Number(hour) < 24) {
      return date.toISOString()
    }
  }
  throw new Error(`${what} "${text.slice(0, 40)}" is not a date (expected ISO 8601, e.g. 2024-03-01T10:15:00Z)`)
}

/** WordPress's comment_approved codes, beside the interchange format's status names and aliases. */
const WORDPRESS_STATUS = new Map<string, Status>([
  ['1', 'approved'],
  ['0', 'pending'],
  ['post-trashed', 'removed']
])

export function parseStatus(value: string, what: string): Status {
  const text = value.trim().toLowerCase()
  const status = WORDPRESS_STATUS.get(text) ?? interchangeRecord.shape.status.safeParse(text).data
  if (!status) throw new Error(`${what} "${value.slice(0, 40)}" is not a status Sieve knows`)
  return status
}

export function parseCount(value: string, what: string): number {
  const text = value.trim()
  if (text === '') return 0
  if (!/^\d{1,9}$/.test(text)) throw new Error(`${what} "${text.slice(0, 40)}" is not a whole number`)
  return Number(text)
}

/**
 * A stable author id for someone without an account: the same email (or name) always gives the same
 * id, and the id does not spell out the address.
 */
export function stableAuthorId(kind: 'email' | 'name', value: string): string {
  return `${kind}:${createHash('sha256').update(value.trim().toLowerCase()).digest('hex').slice(0, 16)}`
}
