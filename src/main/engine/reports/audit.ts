// The audit trail of one comment or one author: every decision on it (or on their comments), who made
// it, when, from which machine, under which clause, with which note, by hand or by a rule.
import { stringify } from 'csv-stringify/sync'
import type { AuditEntry, AuditTarget } from '../../../shared/reports'
import { UserError } from '../errors'
import type { Db } from '../database/database'
import { auditRows, auditTargetExists } from './store/audit-rows'

/** Every decision on the comment or the author's comments; a clear error when neither exists. */
export function auditTrail(db: Db, target: AuditTarget): AuditEntry[] {
  const entries = auditRows(db, target)
  if (!entries.length && !auditTargetExists(db, target)) {
    throw new UserError(target.comment !== undefined ? `No comment has the id "${target.comment}".` : `No author has the id "${target.author}".`)
  }
  return entries
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
