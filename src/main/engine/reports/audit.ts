// The audit trail of one comment or one author: every decision on it (or on their comments), who made
// it, when, from which machine, under which clause, with which note, by hand or by a rule.
import { stringify } from 'csv-stringify/sync'
import type { AuditEntry, AuditTarget } from '../../../shared/reports'
import { UserError } from '../errors'
import type { Db } from '../database/database'

type AuditRow = Omit<AuditEntry, 'automated'> & { automated: number }

const SELECT = `
  SELECT d.id AS decisionId, d.decided_at AS decidedAt, c.external_id AS commentId, ar.title AS articleTitle,
         au.name AS authorName, d.action, d.status_before AS statusBefore, d.status_after AS statusAfter,
         d.clause_code AS clause, d.clause_title AS clauseTitle, d.note, d.moderator, d.machine, d.automated, d.rule
  FROM decisions d
  JOIN comments c ON c.id = d.comment_id
  LEFT JOIN articles ar ON ar.id = c.article_id
  LEFT JOIN authors au ON au.id = c.author_id`

/** Ids are the platform's (as the CLI and exports show them), matched in every source. */
export function auditTrail(db: Db, target: AuditTarget): AuditEntry[] {
  const rows =
    target.comment !== undefined
      ? db
          .prepare<[string], AuditRow>(
            `${SELECT} WHERE d.comment_id IN (SELECT id FROM comments WHERE external_id = ?) ORDER BY d.id`
          )
          .all(target.comment)
      : db
          .prepare<[string], AuditRow>(
            `${SELECT} WHERE c.author_id IN (SELECT id FROM authors WHERE external_id = ?) ORDER BY d.id`
          )
          .all(target.author!)
  if (!rows.length && !exists(db, target)) {
    throw new UserError(target.comment !== undefined ? `No comment has the id "${target.comment}".` : `No author has the id "${target.author}".`)
  }
  return rows.map((row) => ({ ...row, automated: row.automated === 1 }))
}

function exists(db: Db, target: AuditTarget): boolean {
  const [table, id] = target.comment !== undefined ? ['comments', target.comment] : ['authors', target.author!]
  return db.prepare(`SELECT 1 FROM ${table} WHERE external_id = ? LIMIT 1`).get(id) !== undefined
}

const CSV_COLUMNS: (keyof AuditEntry)[] = [
  'decisionId', 'decidedAt', 'commentId', 'articleTitle', 'authorName', 'action', 'statusBefore', 'statusAfter',
  'clause', 'clauseTitle', 'note', 'moderator', 'machine', 'automated', 'rule'
]

/** CSV with cells a spreadsheet would run as formulas escaped (notes and names are typed by people). */
export function auditCsv(entries: AuditEntry[]): string {
  return stringify([CSV_COLUMNS, ...entries.map((entry) => CSV_COLUMNS.map((column) => (column === 'automated' ? (entry.automated ? 'yes' : 'no') : entry[column])))], {
    escape_formulas: true
  })
}

/** A terminal-friendly listing: one decision a line. */
export function auditText(entries: AuditEntry[]): string {
  if (!entries.length) return 'No decisions yet.\n'
  return (
    entries
      .map((entry) =>
        [
          entry.decidedAt,
          entry.moderator + (entry.automated ? ` (automated${entry.rule ? `: ${entry.rule}` : ''})` : ''),
          entry.commentId,
          `${entry.action} ${entry.statusBefore}→${entry.statusAfter}`,
          entry.clause ? `clause ${entry.clause}` : '',
          entry.note ? `note: ${entry.note.replace(/\s+/g, ' ')}` : ''
        ]
          .filter(Boolean)
          .join('  ')
      )
      .join('\n') + '\n'
  )
}
