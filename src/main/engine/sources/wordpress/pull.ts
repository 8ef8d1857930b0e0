// Pulls a WordPress site's held comments and its recently approved ones, with their posts and authors.
// Incremental: each status has a cursor (the newest comment date seen, in the site's time); a run's place
// (status and page) is saved after every page, so an interrupted pull resumes where it stopped. What a
// date cursor cannot see (comments changed, deleted, or held with an older date) reconcile.ts finds by
// counting, fetching only what differs.
import { z } from 'zod'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
import { landPlatformComments, markDeletedUpstream, trackedByPlatformStatus, type PlatformComment, type TargetStatus } from '../store/platform-comments'
import type { PullReport } from '../platform'
import type { WordPressClient } from './client'
import { LIST_FILTER, toIncoming, type WordPressStatus } from './mapping'
import { PER_PAGE, reconcile } from './reconcile'
import type { RestComment, RestPost } from './rest-types'

export { PER_PAGE }
const PHASES = ['hold', 'approve'] as const
type Phase = (typeof PHASES)[number]

export const cursorSchema = z.object({
  /** Per status: pull comments dated after this (site time, ISO without zone). */
  after: z.object({ hold: z.string().optional(), approve: z.string().optional() }).default({}),
  /** An unfinished run: the status and page it got to. */
  run: z.object({ phase: z.enum(PHASES), after: z.string().nullable(), page: z.number().int().min(1), newest: z.string().nullable() }).optional(),
  lastPulledAt: z.string().optional(),
  /** The comments the last whole pull refused, for the Sources screen (they stay held on the site). */
  lastRejected: z.array(z.object({ id: z.string(), reason: z.string() })).optional(),
  /** Held comments refused by an earlier pull: counted as known, so that counting does not fetch them again. */
  refused: z.array(z.string()).optional()
})

const MAX_KEPT_REJECTIONS = 100
const MAX_KEPT_REFUSED = 10_000
export type PullCursor = z.infer<typeof cursorSchema>


export interface PullContext {
  db: Db
  sourceId: number
  client: WordPressClient
  cursor: PullCursor
  saveCursor(cursor: PullCursor): void
  now: () => Date
  /** Approved comments older than this many days are not pulled, and comments decided longer ago are no longer watched. */
  approvedWindowDays: number
  /** The WordPress status a comment in this Sieve state stands for (a decision the site already shows is synced). */
  target: TargetStatus
  signal?: AbortSignal
  onProgress?(done: number, total: number): void
}

export async function pullWordPress(context: PullContext): Promise<PullReport> {
  const report: PullReport = { added: 0, updated: 0, unchanged: 0, conflicts: 0, deleted: 0, requests: 0, interrupted: false, rejected: [] }
  try {
    return await pullInto(context, report)
  } catch (error) {
    // Cancelled mid-request: what landed so far stays, and the cursor says where to resume.
    if (context.signal?.aborted) return { ...report, interrupted: true }
    throw error
  }
}

async function pullInto(context: PullContext, report: PullReport): Promise<PullReport> {
  const { db, sourceId, client, now } = context
  const posts = new Map<number, RestPost | undefined>()
  let cursor = context.cursor
  const windowStart = new Date(now().getTime() - context.approvedWindowDays * 86_400_000)
  let done = 0
  const refused = new Set<string>()
  const landedIds = new Set<string>()

  const land = async (comments: RestComment[]) => {
    await loadPosts(client, posts, comments, report, context.signal)
    const items: PlatformComment[] = []
    for (const comment of comments) {
      // One comment Sieve cannot take in is refused alone: the rest of the page lands and the cursor moves on.
      try {
        items.push({ comment: toIncoming(comment, posts.get(comment.post)), platformStatus: comment.status })
        landedIds.add(String(comment.id))
      } catch (error) {
        refused.add(String(comment.id))
        report.rejected.push({ id: String(comment.id), reason: error instanceof Error ? error.message : String(error) })
      }
    }
    const counts = landPlatformComments(db, sourceId, items, now(), 'WordPress', context.target)
    report.added += counts.added
    report.updated += counts.updated
    report.unchanged += counts.unchanged
    report.conflicts += counts.conflicts
    done += comments.length
  }

  const startPhase = cursor.run?.phase ?? 'hold'
  for (const phase of PHASES.slice(PHASES.indexOf(startPhase))) {
    const run = cursor.run?.phase === phase ? cursor.run : { phase, after: phaseStart(cursor, phase, windowStart), page: 1, newest: null }
    let { page, newest } = run
    // Approved comments Sieve already has (its own pushes above all) are not fetched again. Pages of a list
    // that excludes are pages of that exclusion only: an interrupted run starts again at page 1, excluding
    // what it landed.
    const exclude = phase === 'approve' ? knownApprovedSince(db, sourceId, run.after) : undefined
    for (;;) {
      if (context.signal?.aborted) return { ...report, interrupted: true }
      const { body, headers } = await client.get<RestComment[]>('/wp/v2/comments', {
        context: 'edit',
        status: phase,
        per_page: PER_PAGE,
        page,
        orderby: 'date',
        order: 'asc',
        after: run.after ?? undefined,
        exclude
      }, context.signal)
      report.requests++
      const totalPages = Number(headers.get('x-wp-totalpages') ?? 1)
      const total = Number(headers.get('x-wp-total') ?? body.length)
      await land(body)
      for (const comment of body) if (newest === null || comment.date > newest) newest = comment.date
      context.onProgress?.(done, Math.max(done, total))
      page++
      if (page > totalPages || body.length === 0) break
      cursor = { ...cursor, run: { phase, after: run.after, page: exclude ? 1 : page, newest } }
      context.saveCursor(cursor)
    }
    // Approved: a second's overlap, so that comments posted in the same second as the newest are fetched
    // again, never missed. Held: none (a burst in one second would be fetched again on every pull); the
    // held count of reconcile.ts finds any held comment a cursor misses.
    const after = newest ? (phase === 'hold' ? newest : oneSecondBefore(newest)) : run.after
    cursor = { ...cursor, after: { ...cursor.after, [phase]: after ?? undefined }, run: undefined }
    const next = PHASES[PHASES.indexOf(phase) + 1]
    if (next) cursor.run = { phase: next, after: phaseStart(cursor, next, windowStart), page: 1, newest: null }
    context.saveCursor(cursor)
  }

  // Changes made in wp-admin to comments already here, and held comments no cursor reaches: by counting.
  // Comments refused (by this pull or an earlier one) count as held ones Sieve knows; should one change on
  // the site, it is fetched (and refused again, or landed).
  const tracked = listable(trackedByPlatformStatus(db, sourceId, windowStart))
  const refusedBefore = (cursor.refused ?? []).filter((id) => !refused.has(id))
  tracked.set('hold', [...new Set([...(tracked.get('hold') ?? []), ...refused, ...refusedBefore])])
  const deleted = await reconcile({
    client,
    tracked,
    land,
    requested: () => report.requests++,
    signal: context.signal
  })
  markDeletedUpstream(db, sourceId, deleted, now(), 'WordPress')
  report.deleted = deleted.length
  const stillRefused = [...refused, ...refusedBefore.filter((id) => !deleted.includes(id) && !landedIds.has(id))]
  context.saveCursor({
    ...cursor,
    run: undefined,
    lastPulledAt: now().toISOString(),
    lastRejected: report.rejected.slice(0, MAX_KEPT_REJECTIONS),
    refused: [...new Set(stillRefused)].slice(0, MAX_KEPT_REFUSED)
  })
  return report
}

/** The ids of the comments Sieve has seen approved on the site, dated from a day before `after` (site time) on. */
function knownApprovedSince(db: Db, sourceId: number, after: string | null): string[] {
  const since = after === null ? '' : new Date(Date.parse(`${after}Z`) - 86_400_000).toISOString()
  return db
    .all<{ id: string }>(sql`SELECT external_id AS id FROM comments WHERE source_id = ${sourceId} AND platform_status = 'approved' AND created_at >= ${since}`)
    .map((row) => row.id)
}

/** Only the statuses WordPress can list by (a custom status could not be counted). */
function listable(tracked: Map<string, string[]>): Map<WordPressStatus, string[]> {
  // Own keys only: a status is the site's word, and "constructor" is in every object.
  return new Map([...tracked].filter((entry): entry is [WordPressStatus, string[]] => Object.hasOwn(LIST_FILTER, entry[0])))
}

function phaseStart(cursor: PullCursor, phase: Phase, windowStart: Date): string | null {
  const saved = cursor.after[phase] ?? null
  if (phase === 'hold') return saved
  // Approved comments only from within the window; the site's timezone is close enough for a window of days.
  const window = windowStart.toISOString().slice(0, 19)
  return saved && saved > window ? saved : window
}

function oneSecondBefore(siteDate: string): string {
  return new Date(Date.parse(`${siteDate}Z`) - 1000).toISOString().slice(0, 19)
}

/** Fetches the posts (or pages) the comments belong to that this pull has not seen yet. */
async function loadPosts(client: WordPressClient, posts: Map<number, RestPost | undefined>, comments: RestComment[], report: PullReport, signal?: AbortSignal) {
  let missing = [...new Set(comments.map((comment) => comment.post))].filter((id) => !posts.has(id))
  for (const type of ['posts', 'pages']) {
    if (missing.length === 0) return
    const { body } = await client.get<RestPost[]>(`/wp/v2/${type}`, {
      include: missing,
      per_page: PER_PAGE,
      status: 'any',
      context: 'edit',
      _fields: 'id,title,link,comment_status'
    }, signal)
    report.requests++
    for (const post of body) posts.set(post.id, post)
    missing = missing.filter((id) => !posts.has(id))
  }
  for (const id of missing) posts.set(id, undefined)
}
