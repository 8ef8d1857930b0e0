// The WordPress connector: a site, a user and an application password (kept in the secret store).
import { z } from 'zod'
import { insecureEndpoint } from '../../endpoint'
import type { Policy } from '../../../../shared/model'
import { findClause } from '../../moderation/policy'
import type { Db } from '../../database/database'
import type { PlatformConnector } from '../platform'
import { createWordPressClient } from './client'
import { sieveStatusOf, wordpressStatusFor } from './mapping'
import { cursorSchema, pullWordPress, type PullCursor } from './pull'
import { closeWordPressComments, readWordPressComments, setWordPressStatus, type WordPressLive } from './push'
import { testWordPressConnection } from './test-connection'

export const wordpressConfigSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).superRefine((url, context) => {
    const problem = insecureEndpoint(url)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  }),
  user: z.string().min(1).max(200),
  /** How far back approved comments are pulled. */
  approvedWindowDays: z.number().positive().max(3650).default(7),
  /** The origin the application password was given for; it is sent nowhere else. Absent: the url's (older sources). */
  passwordOrigin: z.string().optional()
})
export type WordPressConfig = z.infer<typeof wordpressConfigSchema>

export interface WordPressConnectorOptions {
  db: Db
  /** Which clause maps to which WordPress status. */
  policy: Policy
  sourceId: number
  config: WordPressConfig
  password: string
  now: () => Date
  cursor: string | null
  saveCursor(cursor: string): void
  userAgent?: string
  /** How long one request may take (default 30 s). */
  timeoutMs?: number
}

export function createWordPressConnector(options: WordPressConnectorOptions): PlatformConnector {
  const client = createWordPressClient({ url: options.config.url, user: options.config.user, password: options.password, userAgent: options.userAgent, timeoutMs: options.timeoutMs })
  return {
    kind: 'wordpress',
    displayName: 'WordPress',
    test: () => testWordPressConnection(client),
    pull: ({ full, signal, onProgress }) => {
      const parsed = cursorSchema.safeParse(options.cursor && !full ? JSON.parse(options.cursor) : {})
      const cursor: PullCursor = parsed.success ? parsed.data : { after: {} }
      return pullWordPress({
        db: options.db,
        sourceId: options.sourceId,
        client,
        cursor,
        saveCursor: (next) => options.saveCursor(JSON.stringify(next)),
        now: options.now,
        approvedWindowDays: options.config.approvedWindowDays,
        target: (status, clause) => wordpressStatusFor(status, clause === null ? undefined : findClause(options.policy, clause)),
        signal,
        onProgress
      })
    },
    targetStatus: wordpressStatusFor,
    sieveStatus: sieveStatusOf,
    readComments: (ids) => readWordPressComments(client, ids),
    setStatus: (comment, status) => setWordPressStatus(client, comment as WordPressLive, status),
    closeArticle: (articleId) => closeWordPressComments(client, articleId)
  }
}
