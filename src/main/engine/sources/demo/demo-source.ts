// The demo queue: the seed page's four articles and their readers' comments, bundled as NDJSON.
import { join } from 'node:path'
import type { Db } from '../../database/database'
import { ensureSource } from '../store/comments'
import { importNdjson } from '../files/ndjson'
import type { ImportReport } from '../import-report'

export function demoFile(resourcesDir: string): string {
  return join(resourcesDir, 'demo', 'comments.ndjson')
}

export async function loadDemo(db: Db, resourcesDir: string, now: () => Date): Promise<ImportReport> {
  const sourceId = ensureSource(db, 'demo', 'Demo', now())
  return importNdjson(db, sourceId, demoFile(resourcesDir), now)
}
