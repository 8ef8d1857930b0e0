// The decisions on one comment, or on one author's comments, oldest first.
import type { AuditEntry, AuditTarget } from '../../../../shared/reports'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

type AuditRow = Omit<AuditEntry, 'automated'> & { automated: number }

const SELECT = sql`
  SELECT d.id AS "decisionId", d.decided_at AS "decidedAt", c.external_id AS "commentId", ar.title AS "articleTitle",
         au.name AS "authorName", d.action, d.status_before AS "statusBefore", d.status_after AS "statusAfter",
         d.clause, d.clause_title AS "clauseTitle", d.note, d.moderator, d.machine, d.automated, d.rule
  FROM decisions d
  JOIN comments c ON c.id = d.comment_id
  LEFT JOIN articles ar ON ar.id = c.article_id
  LEFT JOIN authors au ON au.id = c.author_id`

/** Ids are the platform's (as the CLI and exports show them), matched in every source. */
export function auditRows(db: Db, target: AuditTarget): AuditEntry[] {
  const where =
    target.comment !== undefined
      ? sql`d.comment_id IN (SELECT id FROM comments WHERE external_id = ${target.comment})`
      : sql`c.author_id IN (SELECT id FROM authors WHERE external_id = ${target.author!})`
  return db.all<AuditRow>(sql`${SELECT} WHERE ${where} ORDER BY d.id`).map((row) => ({ ...row, automated: row.automated === 1 }))
}

/** Whether the comment or author the trail was asked for exists at all. */
export function auditTargetExists(db: Db, target: AuditTarget): boolean {
  const query =
    target.comment !== undefined
      ? sql`SELECT 1 FROM comments WHERE external_id = ${target.comment} LIMIT 1`
      : sql`SELECT 1 FROM authors WHERE external_id = ${target.author!} LIMIT 1`
  return db.get(query) !== undefined
}
