// What a live platform's connector does for Sieve. One folder per platform implements it (wordpress/);
// connectors.ts picks the connector for a source's kind.
import type { PullReport } from '../../../shared/api'
import type { Clause, Status } from '../../../shared/model'

export type { PullRejection, PullReport } from '../../../shared/api'

/** A comment as the platform holds it right now. */
export interface LiveComment {
  id: string
  /** In the platform's words. */
  status: string
}

export interface PullOptions {
  /** Ignore the cursor and list everything again (finds comments that reach the queue with an old date). */
  full?: boolean
  signal?: AbortSignal
  onProgress?(done: number, total: number): void
}

export interface ConnectionReport {
  ok: boolean
  kind?: string
  message: string
}

export interface PlatformConnector {
  readonly kind: string
  /** The platform's name in messages ("WordPress"). */
  readonly displayName: string
  test(): Promise<ConnectionReport>
  pull(options: PullOptions): Promise<PullReport>
  /** The platform status a comment in this Sieve state (removed under this clause) should have. */
  targetStatus(status: Status, clause: Clause | undefined): string
  /** The Sieve status a comment in this platform status arrives with (what a pull records as upstream). */
  sieveStatus(platformStatus: string): Status
  /** Live statuses by id; an id missing from the map was deleted on the platform. */
  readComments(ids: string[]): Promise<Map<string, LiveComment>>
  setStatus(comment: LiveComment, status: string): Promise<void>
  closeArticle(articleId: string): Promise<void>
}
