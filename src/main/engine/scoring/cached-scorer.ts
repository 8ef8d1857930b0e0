// A remote scorer behind the score cache: each distinct text not seen before is sent once, in the
// scorer's batch size; everything else is answered from the database.
import type { Db } from '../database/database'
import { readCache, textHash, writeCache, type CachedResult } from './store/score-cache'
import type { Scorer } from './scorer'

export function withScoreCache(db: Db, scorer: Scorer, now: () => Date): Scorer {
  return {
    ...scorer,
    status: scorer.status?.bind(scorer),
    async score(texts, signal) {
      const hashes = texts.map(textHash)
      const keys = hashes.map((hash) => hash.toString('hex'))
      const known = readCache(db, scorer.name, scorer.modelVersion, hashes)
      const missing = [...new Set(keys.filter((key) => !known.has(key)))]
      for (let start = 0; start < missing.length; start += scorer.batchSize) {
        const chunk = missing.slice(start, start + scorer.batchSize)
        const chunkTexts = chunk.map((key) => texts[keys.indexOf(key)])
        const results = await scorer.score(chunkTexts, signal)
        // Cached as each batch comes back, so a failure or cancel later in the run keeps what was paid for.
        writeCache(db, scorer.name, scorer.modelVersion, chunk.map((key, index) => ({ hash: Buffer.from(key, 'hex'), result: results[index] })), now())
        chunk.forEach((key, index) => known.set(key, results[index]))
      }
      return keys.map((key) => known.get(key) as CachedResult)
    }
  }
}
