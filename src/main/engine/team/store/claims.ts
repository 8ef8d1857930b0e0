// Soft claims: a moderator's lease on the comments around their cursor. Only a team's database has
// them (team-schema.ts); a lease that is not renewed lapses, so a desktop that dies holds nothing for
// long. Who holds a claim is the logged-in role, stamped by the database.
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

const LEASE = sql.lit('2 minutes')
const team = (db: Db) => db.dialect.name === 'postgres'

/** Takes or renews this login's claims on `keys` (where nobody else holds one) and drops its others. */
export function claim(db: Db, keys: number[]): void {
  if (!team(db)) return
  db.transaction(() => {
    db.run(sql`DELETE FROM claims WHERE moderator = session_user ${keys.length ? sql`AND comment_id NOT IN (${sql.join(keys)})` : sql``}`)
    if (keys.length === 0) return
    db.run(
      sql`INSERT INTO claims (comment_id, moderator, expires_at)
          SELECT id, session_user, now() + ${LEASE}::interval FROM comments WHERE id IN (${sql.join(keys)})
          ON CONFLICT (comment_id) DO UPDATE SET moderator = excluded.moderator, expires_at = excluded.expires_at
          WHERE claims.moderator = session_user OR claims.expires_at < now()`
    )
  })
}

/** Who else holds a live claim on each of `keys` that has one. */
export function claimedByOthers(db: Db, keys: number[]): Record<number, string> {
  if (!team(db) || keys.length === 0) return {}
  const rows = db.all<{ key: number; moderator: string }>(
    sql`SELECT comment_id AS key, moderator FROM claims
        WHERE comment_id IN (${sql.join(keys)}) AND moderator <> session_user AND expires_at > now()`
  )
  return Object.fromEntries(rows.map((row) => [row.key, row.moderator]))
}

/** Comments `c` someone else holds a live claim on, as a condition (none outside a team). */
export function claimedByOthersCondition(db: Db) {
  if (!team(db)) return []
  return [sql`EXISTS (SELECT 1 FROM claims cl WHERE cl.comment_id = c.id AND cl.moderator <> session_user AND cl.expires_at > now())`]
}

/** Lets go of this login's claims (quitting), or of the claims on comments a batch decided. */
export function releaseClaims(db: Db, batchId?: number): void {
  if (!team(db)) return
  if (batchId === undefined) db.run(sql`DELETE FROM claims WHERE moderator = session_user`)
  else db.run(sql`DELETE FROM claims WHERE comment_id IN (SELECT comment_id FROM decisions WHERE batch_id = ${batchId})`)
}

/** Whether the logged-in role is a lead (a lead may decide what others have claimed). */
export function isLead(db: Db): boolean {
  return team(db) && db.get<{ lead: boolean }>(sql`SELECT pg_has_role(session_user, 'sieve_lead', 'MEMBER') AS lead`)!.lead
}
