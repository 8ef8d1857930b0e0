import { beforeAll, describe, expect, it } from 'vitest'
import { DB_STATUS, startWordPress, type CommentStatus, type WordPressSite } from '../../support/wordpress'

// Proves that the WordPress fixture behind the connector's integration tests is real and seeded:
// the REST API, its authentication and roles, and WordPress's own database agree.

const STATUSES: CommentStatus[] = ['hold', 'approved', 'spam', 'trash']
/** The REST API's `status` filter for listing comments ("approve", not "approved"). */
const LIST_FILTER: Record<CommentStatus, string> = { hold: 'hold', approved: 'approve', spam: 'spam', trash: 'trash' }

let site: WordPressSite

beforeAll(async () => {
  site = await startWordPress()
}, 900_000)

// Other test files (and other people's test runs) add and remove comments on posts of their own while
// this file runs: counts are taken on the seeded posts only, which nobody else touches.
const seededPosts = () => site.seed.posts.map((post) => post.id)

async function countInDb(status: CommentStatus): Promise<number> {
  const [row] = await site.query(
    `SELECT COUNT(*) AS n FROM wp_comments WHERE comment_type = 'comment' AND comment_approved = '${DB_STATUS[status]}'
       AND comment_post_ID IN (${seededPosts().join(',')})`
  )
  return Number(row.n)
}

/** The REST query string that narrows a list to the seeded posts. */
const onSeededPosts = () => seededPosts().map((id) => `post[]=${id}`).join('&')

describe('the WordPress test site', () => {
  it('lists held comments to the admin, paginated with X-WP-Total and X-WP-TotalPages', async () => {
    const held = await countInDb('hold')
    expect(held).toBeGreaterThan(100) // so that there are two pages of 100

    const first = await site.rest(`/wp/v2/comments?status=hold&context=edit&per_page=100&${onSeededPosts()}`)
    expect(first.status).toBe(200)
    expect(Number(first.headers.get('x-wp-total'))).toBe(held)
    expect(Number(first.headers.get('x-wp-totalpages'))).toBe(Math.ceil(held / 100))
    const comments = (await first.json()) as { id: number; status: string; content: { raw?: string }; author_email?: string }[]
    expect(comments).toHaveLength(100)
    expect(new Set(comments.map((c) => c.status))).toEqual(new Set(['hold']))
    expect(typeof comments[0].content.raw).toBe('string') // context=edit
    expect(comments[0].author_email).toContain('@')

    // Page 2 through the ?rest_route= form, which must work as well as /wp-json/.
    const second = await fetch(`${site.url}/?rest_route=/wp/v2/comments&status=hold&context=edit&per_page=100&page=2&${onSeededPosts()}`, {
      headers: { Authorization: site.authHeader('admin') }
    })
    expect(second.status).toBe(200)
    const rest = (await second.json()) as { id: number }[]
    expect(rest).toHaveLength(held - 100)
    expect(rest.some((c) => comments.some((d) => d.id === c.id))).toBe(false)
  })

  it('lets the editor moderate too', async () => {
    const res = await site.rest(`/wp/v2/comments?status=hold&context=edit&per_page=1&${onSeededPosts()}`, { as: 'editor' })
    expect(res.status).toBe(200)
    expect(Number(res.headers.get('x-wp-total'))).toBe(await countInDb('hold'))
  })

  it('refuses a wrong application password with 401', async () => {
    for (const as of [
      { user: site.users.admin.user, password: 'abcd efgh ijkl mnop qrst uvwx' },
      { user: 'no-such-user', password: site.users.admin.appPassword }
    ]) {
      const res = await site.rest('/wp/v2/comments?status=hold&context=edit', { as })
      expect(res.status).toBe(401)
      await res.arrayBuffer()
    }
    const anonymous = await site.rest('/wp/v2/comments?status=hold', { as: null })
    expect(anonymous.status).toBe(401)
  })

  it("refuses the subscriber's edit context with 403", async () => {
    const res = await site.rest('/wp/v2/comments?status=hold&context=edit', { as: 'reader' })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { code: string }).code).toBe('rest_forbidden_context')
  })

  it('has the seeded counts per status in wp_comments, and the REST API agrees', async () => {
    expect(site.seed.counts).toEqual({ hold: 110, approved: 130, spam: 35, trash: 25, total: 300 })
    expect(site.seed.posts).toHaveLength(4)

    const rows = await site.query(
      `SELECT m.meta_value AS seeded, c.comment_approved AS approved, COUNT(*) AS n
         FROM wp_comments c JOIN wp_commentmeta m ON m.comment_id = c.comment_ID AND m.meta_key = 'sieve_seed_status'
        GROUP BY m.meta_value, c.comment_approved`
    )
    const seededNow: Record<string, number> = {}
    for (const row of rows) {
      expect(row.approved, `seeded ${row.seeded} comments are now ${row.approved}: restore them with restoreSeededStatuses()`).toBe(
        DB_STATUS[row.seeded as CommentStatus]
      )
      seededNow[row.seeded!] = (seededNow[row.seeded!] ?? 0) + Number(row.n)
    }
    for (const status of STATUSES) expect(seededNow[status] ?? 0, status).toBe(site.seed.counts[status])

    const [replies] = await site.query(`SELECT COUNT(*) AS n FROM wp_comments WHERE comment_parent <> 0`)
    expect(Number(replies.n)).toBeGreaterThan(0)
    const [posts] = await site.query(
      `SELECT COUNT(*) AS n FROM wp_posts p JOIN wp_postmeta m ON m.post_id = p.ID AND m.meta_key = 'sieve_seed_index'
        WHERE p.post_type = 'post' AND p.post_status = 'publish'`
    )
    expect(Number(posts.n)).toBe(4)

    for (const status of STATUSES) {
      const res = await site.rest(`/wp/v2/comments?status=${LIST_FILTER[status]}&context=edit&per_page=1&${onSeededPosts()}`)
      expect(res.status, status).toBe(200)
      await res.arrayBuffer()
      expect(Number(res.headers.get('x-wp-total')), status).toBe(await countInDb(status))
    }
  })

  it('setCommentStatus moves a comment through every status, and wp_comments follows', async () => {
    const id = await site.createComment({ authorIp: '203.0.113.77' })
    try {
      for (const status of ['approved', 'spam', 'hold', 'trash', 'approved', 'hold'] as CommentStatus[]) {
        await site.setCommentStatus(id, status)
        const [row] = await site.query(`SELECT comment_approved, comment_author_IP FROM wp_comments WHERE comment_ID = ${id}`)
        expect(row.comment_approved, status).toBe(DB_STATUS[status])
        expect(row.comment_author_IP).toBe('203.0.113.77')
      }
    } finally {
      await site.deleteComment(id)
    }
    expect(await site.query(`SELECT comment_ID FROM wp_comments WHERE comment_ID = ${id}`)).toEqual([])
  })

  it('holds a new visitor comment for moderation', async () => {
    const content = `A visitor's comment ${Date.now()}`
    const form = new URLSearchParams({
      author: 'Visiting Reader',
      email: 'visiting.reader@example.test',
      comment: content,
      comment_post_ID: String(site.seed.posts[1].id)
    })
    const res = await fetch(`${site.url}/wp-comments-post.php`, { method: 'POST', body: form, redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toContain('unapproved=')
    const rows = await site.query(
      `SELECT comment_ID, comment_approved FROM wp_comments WHERE comment_content = '${content.replace(/'/g, "''")}'`
    )
    expect(rows).toHaveLength(1)
    await site.deleteComment(Number(rows[0].comment_ID))
    expect(rows[0].comment_approved).toBe('0')
  })
})
