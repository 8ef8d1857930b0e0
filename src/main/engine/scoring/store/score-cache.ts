// The score cache (migration 003): a cloud scorer's answer per (scorer, model version, text hash).
import { createHash } from 'node:crypto'
import type { Scores, Span } from '../../../../shared/model'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

export interface CachedResult {
  scores: Scores
  spans: Span[]
}

export function textHash(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** The cached results among `hashes`, keyed by the hash in hex. */
export function readCache(db: Db, scorer: string, modelVersion: string, hashes: Buffer[]): Map<string, CachedResult> {
  const found = new Map<string, CachedResult>()
  for (const hash of hashes) {
    const row = db.get<{ scores: string; spans: string }>(
      sql`SELECT scores, spans FROM score_cache WHERE scorer = ${scorer} AND model_version = ${modelVersion} AND text_hash = ${hash}`
    )
    if (row) found.set(hash.toString('hex'), { scores: JSON.parse(row.scores) as Scores, spans: JSON.parse(row.spans) as Span[] })
  }
  return found
}

export function writeCache(db: Db, scorer: string, modelVersion: string, entries: { hash: Buffer; result: CachedResult }[], now: Date): void {
  db.transaction(() => {
    for (const { hash, result } of entries) {
      db.run(
        sql`INSERT INTO score_cache (scorer, model_version, text_hash, scores, spans, cached_at)
            VALUES (${scorer}, ${modelVersion}, ${hash}, ${JSON.stringify(result.scores)}, ${JSON.stringify(result.spans)}, ${now.toISOString()})
            ON CONFLICT (scorer, model_version, text_hash) DO UPDATE SET scores = excluded.scores, spans = excluded.spans, cached_at = excluded.cached_at`
      )
    }
  })
}
