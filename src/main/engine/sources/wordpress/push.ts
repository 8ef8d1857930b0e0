// Reading comments' live statuses and setting one, for the outbox. A status change sends the comment's own
// IP and user agent back: WordPress would otherwise overwrite them with Sieve's.
import type { LiveComment } from '../platform'
import { PlatformError } from '../platform-error'
import type { WordPressClient } from './client'
import { PER_PAGE } from './pull'
import type { RestComment } from './rest-types'

export interface WordPressLive extends LiveComment {
  ip: string
  userAgent: string
}

/** The live status of each comment; a comment missing from the answer is deleted. */
export async function readWordPressComments(client: WordPressClient, ids: string[]): Promise<Map<string, WordPressLive>> {
  const live = new Map<string, WordPressLive>()
  for (let start = 0; start < ids.length; start += PER_PAGE) {
    const { body } = await client.get<RestComment[]>('/wp/v2/comments', {
      context: 'edit',
      status: 'any',
      include: ids.slice(start, start + PER_PAGE),
      per_page: PER_PAGE,
      _fields: 'id,status,author_ip,author_user_agent'
    })
    for (const comment of body) {
      live.set(String(comment.id), { id: String(comment.id), status: comment.status, ip: comment.author_ip ?? '', userAgent: comment.author_user_agent ?? '' })
    }
  }
  return live
}

export async function setWordPressStatus(client: WordPressClient, comment: WordPressLive, status: string): Promise<void> {
  const { body } = await client.post<RestComment>(`/wp/v2/comments/${encodeURIComponent(comment.id)}`, {
    status,
    author_ip: comment.ip || '127.0.0.1',
    author_user_agent: comment.userAgent
  }, { _fields: 'id,status' })
  // WordPress answers 200 even when its database refused the change (a lock under load): try again later.
  if (body.status !== status) {
    throw new PlatformError('http', `WordPress left comment ${comment.id} "${body.status}" after Sieve set it to "${status}".`, 200, undefined, true)
  }
}

/** Closes a post to new comments. */
export async function closeWordPressComments(client: WordPressClient, postId: string): Promise<void> {
  for (const type of ['posts', 'pages']) {
    try {
      await client.post(`/wp/v2/${type}/${encodeURIComponent(postId)}`, { comment_status: 'closed' }, { _fields: 'id,comment_status' })
      return
    } catch (error) {
      // A page is not a post: try the other route once.
      if (type === 'posts' && (error as { status?: number }).status === 404) continue
      throw error
    }
  }
}
