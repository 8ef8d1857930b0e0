// What Sieve does with its platform sources as a whole: pull them one after another (then score what
// arrived), and close an article to new comments on its platform and here.
import type { PullResult } from '../../../shared/api'
import type { PullReport } from '../../../shared/api/sources'
import { withLease } from '../team/store/leases'
import type { EngineContext } from '../context'
import { UserError } from '../errors'
import { scoreNewComments } from '../scoring/score-comments'
import { articlesWithExternalId, closeCommenting } from './store/articles'
import { describePull } from './describe-pull'
import { findSource, platformSourceNames } from './platform-sources'

export interface PullOptions {
  /** List everything again, ignoring the cursor. */
  full?: boolean
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

/** Pulls one platform source, or all of them; new comments are scored. */
const NOTHING_PULLED: PullReport = { added: 0, updated: 0, unchanged: 0, conflicts: 0, deleted: 0, requests: 0, interrupted: false, rejected: [] }

export async function pullSources(context: EngineContext, sourceName: string | undefined, options: PullOptions = {}): Promise<PullResult[]> {
  const { db } = context
  const names = sourceName === undefined ? platformSourceNames(db) : [findSource(db, sourceName).name]
  if (names.length === 0) throw new UserError('There is no platform source to pull from: add one with `source add wordpress`.')
  const results: PullResult[] = []
  for (const name of names) {
    // In a team, one desktop pulls a source at a time; the others hear of what arrives.
    const pulled = await withLease(
      db,
      `sieve:pull:${name}`,
      async (): Promise<PullResult> => {
        const report = await context.connector(name).pull(options)
        return { source: name, report, description: describePull(name, report) }
      },
      (holder): PullResult => ({ source: name, report: NOTHING_PULLED, description: `${name}: ${holder} is pulling it right now; nothing was pulled from here.` })
    )
    results.push(pulled)
    if (options.signal?.aborted) break
  }
  await scoreNewComments(context)
  return results
}

/** Closes an article (a WordPress post, by its id there) to new comments, on the site and here. */
export async function closeArticle(context: EngineContext, articleId: string, sourceName?: string): Promise<{ source: string; title: string | null }> {
  const platforms = platformSourceNames(context.db)
  const candidates = articlesWithExternalId(context.db, articleId).filter((article) =>
    sourceName === undefined ? platforms.includes(article.source) : article.source === sourceName
  )
  if (candidates.length === 0) throw new UserError(`No article "${articleId}" from a platform source${sourceName ? ` named "${sourceName}"` : ''}.`)
  if (candidates.length > 1) throw new UserError(`Several sources have an article "${articleId}": name one with --source.`)
  const [article] = candidates
  await context.connector(article.source).closeArticle(articleId)
  closeCommenting(context.db, article.id)
  return { source: article.source, title: article.title }
}
