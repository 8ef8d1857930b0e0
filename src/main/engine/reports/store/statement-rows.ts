// The decisions that owe a statement of reasons (removals and disables still standing), and which of
// them went out in an export before.
import type { Scores } from '../../../../shared/model'
import type { ReportFilter, StatementExports } from '../../../../shared/reports'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
import { REPORT_FROM, reportWhere, UNDONE } from './report-sql'

/** The basis of one statement: a removal or disable still standing, with what the statement needs. */
export interface StatementSource {
  decisionId: number
  action: 'remove' | 'disable'
  clauseCode: string | null
  clauseTitle: string | null
  clauseDescription: string | null
  decidedAt: string
  automated: boolean
  /** When it was posted, by its platform's clock; null when the platform did not say. */
  commentCreatedAt: string | null
  /** When Sieve first saw it (the first import or pull that brought it). */
  commentFirstSeenAt: string
  reports: number
  /** A report came in as a notice under Article 16 DSA (the comment's `article16Notice` field). */
  article16Notice: boolean
  /** The scores when it was decided. */
  scores: Scores
  /** For the language and the statement to the reader only (never in the database's record): */
  commentId: string
  commentText: string
  authorName: string | null
  articleTitle: string | null
  articleUrl: string | null
}

type SourceRow = Omit<StatementSource, 'automated' | 'scores' | 'article16Notice'> & { automated: number; scores: string; article16Notice: unknown }

/** What marks a report as an Article 16 notice: true, or a CSV cell that says so. */
const isMarked = (value: unknown) => value === 1 || value === true || (typeof value === 'string' && /^(1|true|yes)$/i.test(value.trim()))

export interface SourceChoice {
  /** Leave out the decisions whose statements went out in an earlier export. */
  onlyNew?: boolean
}

const CHUNK = 500
const NOT_EXPORTED = sql`NOT EXISTS (SELECT 1 FROM statement_exports x WHERE x.decision_id = d.id)`
const STANDING = sql`d.action IN ('remove', 'disable') AND ${UNDONE} = 0`

/** Removals and disables decided in the period and not undone since, oldest first, one at a time. */
export function* statementSources(db: Db, filter: ReportFilter, { onlyNew = false }: SourceChoice = {}): Generator<StatementSource> {
  const rows = db.chunks<SourceRow>(
    sql`SELECT d.id AS "decisionId", d.action, d.clause AS "clauseCode", d.clause_title AS "clauseTitle",
               d.clause_description AS "clauseDescription", d.decided_at AS "decidedAt", d.automated,
               c.created_at AS "commentCreatedAt", c.imported_at AS "commentFirstSeenAt", c.reports, d.scores,
               ${db.dialect.jsonText('c.raw', 'article16Notice')} AS "article16Notice",
               c.external_id AS "commentId", c.text AS "commentText", au.name AS "authorName", ar.title AS "articleTitle", ar.url AS "articleUrl"
        ${REPORT_FROM} ${reportWhere(filter)} AND ${STANDING} ${onlyNew ? sql`AND ${NOT_EXPORTED}` : sql``}
        ORDER BY d.id`,
    CHUNK
  )
  for (const chunk of rows) {
    for (const row of chunk) {
      yield { ...row, automated: row.automated === 1, scores: JSON.parse(row.scores) as Scores, article16Notice: isMarked(row.article16Notice) }
    }
  }
}

/** How many statements the period has, and how many of them went out before. */
export function statementExports(db: Db, filter: ReportFilter): StatementExports {
  return db.get<StatementExports>(
    sql`SELECT count(*) AS standing, count(x.decision_id) AS exported, max(x.exported_at) AS "lastExportedAt"
        ${REPORT_FROM} LEFT JOIN statement_exports x ON x.decision_id = d.id
        ${reportWhere(filter)} AND ${STANDING}`
  )!
}

/** Marks the decisions whose statements an export wrote (the database refuses a puid twice). */
export function recordExported(db: Db, decisionIds: number[], now: Date): void {
  const at = now.toISOString()
  db.transaction(() => {
    for (let start = 0; start < decisionIds.length; start += CHUNK) {
      const rows = decisionIds.slice(start, start + CHUNK).map((id) => sql`(${id}, ${at})`)
      db.run(sql`INSERT INTO statement_exports (decision_id, exported_at) VALUES ${sql.join(rows)}
                 ON CONFLICT (decision_id) DO UPDATE SET exported_at = excluded.exported_at`)
    }
  })
}
