// The sources table: where comments come from (the demo, a file, a platform), a platform's settings (never
// a secret) and where its next pull starts.
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

export interface SourceRow {
  id: number
  kind: string
  name: string
  config: string
  cursor: string | null
}

export interface SourceCounts {
  comments: number
  pending: number
  failed: number
  conflicts: number
}

/** A platform source still connected: its settings are kept (a removed one's are emptied). */
const connected = (kinds: readonly string[]) => sql`s.kind IN (${sql.join([...kinds])}) AND s.config != '{}'`

export function sourceNamed(db: Db, name: string): SourceRow | undefined {
  return db.get<SourceRow>(sql`SELECT id, kind, name, config, cursor FROM sources WHERE name = ${name}`)
}

export function saveSource(db: Db, kind: string, name: string, config: string, now: Date): void {
  db.run(
    sql`INSERT INTO sources (kind, name, created_at, config) VALUES (${kind}, ${name}, ${now.toISOString()}, ${config})
        ON CONFLICT (name) DO UPDATE SET config = excluded.config`
  )
}

export function saveCursor(db: Db, sourceId: number, cursor: string): void {
  db.run(sql`UPDATE sources SET cursor = ${cursor} WHERE id = ${sourceId}`)
}

export function connectedSources(db: Db, kinds: readonly string[]): (SourceRow & SourceCounts)[] {
  return db.all<SourceRow & SourceCounts>(
    sql`SELECT s.id, s.kind, s.name, s.config, s.cursor,
               (SELECT count(*) FROM comments c WHERE c.source_id = s.id) AS comments,
               (SELECT count(*) FROM outbox o JOIN comments c ON c.id = o.comment_id WHERE c.source_id = s.id AND o.state = 'pending') AS pending,
               (SELECT count(*) FROM outbox o JOIN comments c ON c.id = o.comment_id WHERE c.source_id = s.id AND o.state = 'failed') AS failed,
               (SELECT count(*) FROM comments c WHERE c.source_id = s.id AND c.conflict IS NOT NULL) AS conflicts
        FROM sources s WHERE ${connected(kinds)} ORDER BY s.name`
  )
}

export function connectedSourceNames(db: Db, kinds: readonly string[]): string[] {
  return db.all<{ name: string }>(sql`SELECT s.name FROM sources s WHERE ${connected(kinds)} ORDER BY s.name`).map((row) => row.name)
}

/**
 * Disconnects a source: its decisions not yet pushed fail (nothing can push them now), and it is deleted
 * when no comment of it is left, else its settings are emptied (its comments and their decisions stay).
 */
export function disconnectSource(db: Db, sourceId: number, now: Date): { comments: number; unpushed: number } {
  return db.transaction(() => {
    const unpushed = db.run(
      sql`UPDATE outbox SET state = 'failed', last_error = 'The source was removed from Sieve; this decision was not pushed.', updated_at = ${now.toISOString()}
          WHERE state = 'pending' AND comment_id IN (SELECT id FROM comments WHERE source_id = ${sourceId})`
    )
    const comments = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments WHERE source_id = ${sourceId}`)!.n
    if (comments === 0) db.run(sql`DELETE FROM sources WHERE id = ${sourceId}`)
    else db.run(sql`UPDATE sources SET config = '{}', cursor = NULL WHERE id = ${sourceId}`)
    return { comments, unpushed }
  })
}
