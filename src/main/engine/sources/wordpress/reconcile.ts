// After a pull has listed what is new, this makes Sieve's picture of a site match the site without
// fetching what has not changed. WordPress 6.1 cannot list comments changed since a date (comments have
// no modified date, and /wp/v2/comments takes no `modified_after`), but it counts cheaply: X-WP-Total of
// a list asked for one item. So, for each status Sieve last saw its tracked comments in:
//   - it counts how many of them are still in that status (`include` = their ids, per_page=1); where
//     fewer are, it halves the ids and counts again until it holds at most a page of suspects, and
//     fetches only those;
//   - for held comments, it also counts the site's whole held queue: if the site holds more than the
//     held comments Sieve knows, it lists the others (`exclude` = the known ids) — comments held with an
//     older date (unapproved in wp-admin, rescued from spam) that no date cursor would reach.
// A pull that finds nothing costs a few counting requests, whatever the size of the queue.
import type { WordPressClient } from './client'
import { LIST_FILTER, type WordPressStatus } from './mapping'
import { PlatformError } from '../platform-error'
import type { RestComment } from './rest-types'

/** Ids per counting request: some 150 KB of JSON, well under PHP's default post_max_size of 8 MB. */
export const IDS_PER_COUNT = 20_000
export const PER_PAGE = 100

export interface ReconcileContext {
  client: WordPressClient
  /** The comments Sieve keeps watching, by the status it last saw each in (ids as strings). */
  tracked: Map<WordPressStatus, string[]>
  /** Lands a page of comments fetched from the site. */
  land(comments: RestComment[]): Promise<void>
  /** Counts each request made. */
  requested(): void
  signal?: AbortSignal
}

/** Returns the ids of tracked comments the site no longer has. */
export async function reconcile(context: ReconcileContext): Promise<string[]> {
  const { client, tracked, signal } = context

  const list = async (params: Record<string, string | number | string[] | undefined>) => {
    if (signal?.aborted) throw new PlatformError('network', `The request to ${client.host} was cancelled.`)
    const answer = await client.get<RestComment[]>('/wp/v2/comments', params, signal)
    context.requested()
    if (!Array.isArray(answer.body)) throw new PlatformError('http', `WordPress at ${client.host} answered a list of comments with something else.`)
    return answer
  }
  /** How many comments the site shows with `status` (among `ids`, when given). */
  const count = async (status: WordPressStatus, ids?: string[]): Promise<number> => {
    let total = 0
    for (let start = 0; start < (ids?.length ?? 1); start += IDS_PER_COUNT) {
      const { headers } = await list({ status: LIST_FILTER[status], include: ids?.slice(start, start + IDS_PER_COUNT), per_page: 1, _fields: 'id' })
      const said = Number(headers.get('x-wp-total'))
      if (headers.get('x-wp-total') === null || !Number.isInteger(said)) {
        throw new PlatformError('http', `WordPress at ${client.host} answered without an X-WP-Total count (a proxy or plugin in between may strip it).`)
      }
      total += said
    }
    return total
  }
  /** Of `ids`, `missing` of which left `status`: the ids worth fetching (at most a page more than needed). */
  const leavers = async (ids: string[], status: WordPressStatus, missing: number): Promise<string[]> => {
    if (missing <= 0) return []
    if (missing >= ids.length || ids.length <= PER_PAGE) return ids
    const half = ids.slice(0, Math.ceil(ids.length / 2))
    const missingInHalf = half.length - (await count(status, half))
    return [...(await leavers(half, status, missingInHalf)), ...(await leavers(ids.slice(half.length), status, missing - missingInHalf))]
  }

  const suspects: string[] = []
  let heldStill = 0
  for (const [status, ids] of tracked) {
    if (ids.length === 0) continue
    const still = await count(status, ids)
    if (status === 'hold') heldStill = still
    suspects.push(...(await leavers(ids, status, ids.length - still)))
  }

  // Held comments Sieve does not know as held: listed by what they are not.
  const fetched = new Set<string>()
  const knownHeld = tracked.get('hold') ?? []
  if ((await count('hold')) > heldStill) {
    for (let page = 1; ; page++) {
      const { body, headers } = await list({ context: 'edit', status: 'hold', exclude: knownHeld, per_page: PER_PAGE, page, orderby: 'id', order: 'asc' })
      await context.land(body)
      for (const comment of body) fetched.add(String(comment.id))
      if (body.length === 0 || page >= Number(headers.get('x-wp-totalpages') ?? 1)) break
    }
  }

  // The suspects, read whole: a changed status lands (a conflict where Sieve had decided), a missing one is gone.
  const toFetch = suspects.filter((id) => !fetched.has(id))
  const gone: string[] = []
  for (let start = 0; start < toFetch.length; start += PER_PAGE) {
    const ids = toFetch.slice(start, start + PER_PAGE)
    const { body } = await list({ context: 'edit', status: 'any', include: ids, per_page: PER_PAGE })
    await context.land(body)
    const found = new Set(body.map((comment) => String(comment.id)))
    gone.push(...ids.filter((id) => !found.has(id)))
  }
  return gone
}
