// WordPress's comment statuses and Sieve's, both ways.
import type { Clause, Status } from '../../../../shared/model'
import { htmlToPlainText } from '../files/plain-text'
import { requireText, stableAuthorId } from '../files/fields'
import type { IncomingComment } from '../store/comments'
import type { RestComment, RestPost } from './rest-types'

/** A comment object's `status`: note "approved" here, where the list filter says "approve". */
export type WordPressStatus = 'hold' | 'approved' | 'spam' | 'trash'

export const LIST_FILTER: Record<WordPressStatus, string> = { hold: 'hold', approved: 'approve', spam: 'spam', trash: 'trash' }

const SIEVE_STATUS = new Map<string, Status>([
  ['hold', 'pending'],
  ['approved', 'approved'],
  ['spam', 'removed'],
  ['trash', 'removed']
])

/**
 * What WordPress should show for a comment in a Sieve state: approved is published; removed is trash, or
 * spam (or hold) where the clause says so; disabled and pending are held.
 */
export function wordpressStatusFor(status: Status, clause: Pick<Clause, 'upstream'> | undefined): WordPressStatus {
  if (status === 'approved') return 'approved'
  if (status === 'removed') return clause?.upstream === 'spam' ? 'spam' : clause?.upstream === 'hold' ? 'hold' : 'trash'
  return 'hold'
}

/** The Sieve status of a comment WordPress shows with this status: held is pending, spam and trash are removed. */
export function sieveStatusOf(status: string): Status {
  return SIEVE_STATUS.get(status) ?? 'pending'
}

/** A comment as Sieve keeps it; throws an Error saying why when it cannot be (HTML nested too deep, text too long). */

export function toIncoming(comment: RestComment, post: RestPost | undefined): IncomingComment {
  const html = comment.content.raw ?? comment.content.rendered
  const text = requireText(htmlToPlainText(html, 'typed') || html, 'its content')
  const raw: Record<string, unknown> = {}
  if (comment.link) raw.link = comment.link
  if (comment.author_url) raw.url = comment.author_url
  if (comment.type && comment.type !== 'comment') raw.type = comment.type
  if (text !== html.trim()) raw.html = html
  return {
    externalId: String(comment.id),
    text,
    author: authorOf(comment),
    article: {
      externalId: String(comment.post),
      title: post ? titleOf(post) : null,
      url: post?.link ?? null
    },
    parentExternalId: comment.parent ? String(comment.parent) : null,
    createdAt: comment.date_gmt ? new Date(`${comment.date_gmt}Z`).toISOString() : null,
    modifiedAt: null,
    upstreamStatus: sieveStatusOf(comment.status),
    reports: 0,
    raw: Object.keys(raw).length > 0 ? raw : null
  }
}

/** The post's title as text; a title that cannot be converted costs its comments their title, nothing more. */
function titleOf(post: RestPost): string | null {
  try {
    return htmlToPlainText(post.title.raw ?? post.title.rendered, 'typed') || null
  } catch {
    return null
  }
}

/** The same ids the WXR importer gives, so an export and the live site name authors alike. */
function authorOf(comment: RestComment): IncomingComment['author'] {
  const name = comment.author_name?.trim() || null
  if (comment.author) return { externalId: `user:${comment.author}`, name }
  if (comment.author_email) return { externalId: stableAuthorId('email', comment.author_email), name }
  if (name) return { externalId: stableAuthorId('name', name), name }
  return null
}
