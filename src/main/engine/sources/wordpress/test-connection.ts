// "Test connection": each step names precisely what failed (DNS, TLS, refused, no REST API, 401, role).
import { PlatformError } from '../platform-error'
import type { WordPressClient } from './client'
import type { RestUser } from './rest-types'

export interface ConnectionReport {
  ok: boolean
  /** What failed, or nothing. */
  kind?: PlatformError['kind']
  message: string
}

export async function testWordPressConnection(client: WordPressClient): Promise<ConnectionReport> {
  try {
    // 1. Is there a WordPress REST API at that address at all (before any credentials are involved)?
    const { body: index } = await client.get<{ namespaces?: string[] }>('/')
    if (!index.namespaces?.includes('wp/v2')) {
      return { ok: false, kind: 'not-found', message: `${client.host} answers, but its REST API lacks wp/v2 (disabled by a plugin?).` }
    }
    // 2. Do the user and application password work?
    const { body: me } = await client.get<RestUser>('/wp/v2/users/me', { context: 'edit' })
    // 3. May this user moderate comments? (context=edit on comments needs moderate_comments.)
    const { headers } = await client.get<unknown[]>('/wp/v2/comments', { context: 'edit', status: 'hold', per_page: 1 })
    const held = headers.get('x-wp-total')
    const roles = me.roles?.length ? ` (${me.roles.join(', ')})` : ''
    return { ok: true, message: `Connected to ${client.host} as ${me.name}${roles}; ${held ?? 'an unknown number of'} comments are held for moderation.` }
  } catch (error) {
    if (error instanceof PlatformError) return { ok: false, kind: error.kind, message: error.message }
    throw error
  }
}
