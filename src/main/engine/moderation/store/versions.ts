// What a team's compare-and-set reads: a comment's version is the id of the latest decision on it (0
// before any), and what others decided after a version a moderator saw.
import type { Action, Status } from '../../../../shared/model'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
import { whereClause, type Conditions } from './filter-sql'

/** A comment's version, as a column of a query over comments `c`. */
export const versionOf = sql<number>`coalesce((SELECT max(v.id) FROM decisions v WHERE v.comment_id = c.id), 0)`

/** The latest decision by someone other than `moderator` on each of `keys` that has one. */
export function decidedByOthers(db: Db, keys: number[], moderator: string): { key: number; latest: number }[] {
  if (keys.length === 0) return []
  return db.all(
    sql`SELECT comment_id AS key, max(id) AS latest FROM decisions
        WHERE comment_id IN (${sql.join(keys)}) AND moderator <> ${moderator} GROUP BY comment_id`
  )
}

/** Comments `c` that someone other than `moderator` decided after decision `since`. */
export function decidedByOthersSince(moderator: string, since: number) {
  return sql`EXISTS (SELECT 1 FROM decisions o WHERE o.comment_id = c.id AND o.id > ${since} AND o.moderator <> ${moderator})`
}

export function countMatching(db: Db, conditions: Conditions): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments c ${whereClause(conditions)}`)!.n
}

export function latestDecisionOn(db: Db, key: number): { action: Action | 'undo'; statusAfter: Status; moderator: string; decidedAt: string } | undefined {
  return db.get(
    sql`SELECT action, status_after AS "statusAfter", moderator, decided_at AS "decidedAt" FROM decisions
        WHERE comment_id = ${key} ORDER BY id DESC LIMIT 1`
  )
}
