// Sieve's NDJSON interchange format, one comment per line. `id` and `text` are required; unknown
// fields are kept in the comment's raw JSON, never dropped.
import { z } from 'zod'
import { STATUSES, type Status } from '../../../../shared/model'
import type { IncomingComment } from '../store/comments'

const id = z.union([z.string().trim().min(1).max(256), z.number().int().nonnegative()]).transform(String)
const shortText = z.string().max(2000).nullish()

/** Statuses other platforms use, mapped onto Sieve's. A Map: a status such as "constructor" finds nothing. */
const STATUS_ALIASES = new Map<string, Status>([
  ['hold', 'pending'],
  ['held', 'pending'],
  ['unapproved', 'pending'],
  ['spam', 'removed'],
  ['trash', 'removed'],
  ['rejected', 'removed'],
  ['published', 'approved']
])

export const interchangeRecord = z.object({
  id,
  text: z.string().max(1_000_000, 'text is longer than 1,000,000 characters'),
  author: z.object({ id, name: shortText }).nullish(),
  article: z.object({ id, title: shortText, url: shortText }).nullish(),
  parentId: id.nullish(),
  createdAt: z.iso.datetime({ offset: true, message: 'createdAt must be an ISO 8601 date-time' }).nullish(),
  modifiedAt: z.iso.datetime({ offset: true, message: 'modifiedAt must be an ISO 8601 date-time' }).nullish(),
  status: z
    .string()
    .transform((value, context) => {
      const status = (STATUSES as readonly string[]).includes(value) ? (value as Status) : STATUS_ALIASES.get(value)
      if (!status) context.addIssue({ code: 'custom', message: `unknown status "${value}"` })
      return status ?? 'pending'
    })
    .nullish(),
  reports: z.number().int().nonnegative().nullish()
})

const KNOWN_FIELDS = new Set(Object.keys(interchangeRecord.shape))

/** Turns one parsed JSON value into a comment, or throws an Error whose message says what is wrong. */
export function fromInterchange(json: unknown): IncomingComment {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error('a line must hold one JSON object')
  }
  const parsed = interchangeRecord.safeParse(json)
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message).join('; ')
    )
  }
  const record = parsed.data
  const raw = Object.fromEntries(Object.entries(json).filter(([key]) => !KNOWN_FIELDS.has(key)))
  return {
    externalId: record.id,
    text: record.text,
    author: record.author ? { externalId: record.author.id, name: record.author.name ?? null } : null,
    article: record.article
      ? { externalId: record.article.id, title: record.article.title ?? null, url: record.article.url ?? null }
      : null,
    parentExternalId: record.parentId ?? null,
    createdAt: record.createdAt ? new Date(record.createdAt).toISOString() : null,
    modifiedAt: record.modifiedAt ? new Date(record.modifiedAt).toISOString() : null,
    upstreamStatus: record.status ?? 'pending',
    reports: record.reports ?? 0,
    raw: Object.keys(raw).length > 0 ? raw : null
  }
}
