// Statements of reasons (EU Digital Services Act, Article 17) for removed and disabled comments, in the
// statement layout of the DSA Transparency Database API, validated before anything is exported.
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { z } from 'zod'
import type { Policy, Scores } from '../../../shared/model'
import type { Thresholds } from '../../../shared/settings'
import type { ReportFilter } from '../../../shared/reports'
import { UserError } from '../errors'
import type { Db } from '../store/database'
import { readSetting, writeSetting } from '../store/settings'
import { DSA_CATEGORIES, EU_EEA_COUNTRIES, FALLBACK_CATEGORY, STATEMENTS_PER_BATCH } from './dsa-vocabulary'
import { reachesThreshold } from '../store/flags'
import { REPORT_FROM, reportConditions, UNDONE_SQL } from './report-filter'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)

export const statementSchema = z
  .object({
    decision_visibility: z.array(z.enum(['DECISION_VISIBILITY_CONTENT_REMOVED', 'DECISION_VISIBILITY_CONTENT_DISABLED'])).min(1),
    decision_ground: z.enum(['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT']),
    decision_ground_reference_url: z.url().max(500).optional(),
    illegal_content_legal_ground: text(500).optional(),
    illegal_content_explanation: text(2000).optional(),
    incompatible_content_ground: text(500).optional(),
    incompatible_content_explanation: text(2000).optional(),
    category: z.enum(DSA_CATEGORIES),
    content_type: z.array(z.enum(['CONTENT_TYPE_TEXT'])).min(1),
    content_date: date,
    application_date: date,
    source_type: z.enum(['SOURCE_ARTICLE_16', 'SOURCE_VOLUNTARY']),
    automated_detection: z.enum(['Yes', 'No']),
    automated_decision: z.enum(['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED']),
    territorial_scope: z.array(z.enum(EU_EEA_COUNTRIES)).min(1),
    decision_facts: text(5000),
    puid: z.string().regex(/^[A-Za-z0-9_-]{1,500}$/, 'must be 1–500 letters, digits, _ or -')
  })
  .strict()
  .superRefine((statement, context) => {
    const needs = (field: keyof typeof statement) => {
      if (statement[field] === undefined) {
        context.addIssue({ code: 'custom', path: [field], message: `required when decision_ground is ${statement.decision_ground}` })
      }
    }
    if (statement.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
      needs('illegal_content_legal_ground')
      needs('illegal_content_explanation')
    } else {
      needs('incompatible_content_ground')
      needs('incompatible_content_explanation')
    }
    if (statement.content_date > statement.application_date) {
      context.addIssue({ code: 'custom', path: ['content_date'], message: `${statement.content_date} is after the decision (${statement.application_date})` })
    }
  })
export type Statement = z.input<typeof statementSchema>

export interface StatementFailure {
  puid: string
  problems: string[]
}

/** Every statement that breaks the rules, with each problem as `field: what is wrong`. */
export function validateStatements(statements: unknown[]): StatementFailure[] {
  const failures: StatementFailure[] = []
  statements.forEach((statement, index) => {
    const parsed = statementSchema.safeParse(statement)
    if (parsed.success) return
    const puid = (statement as { puid?: unknown })?.puid
    failures.push({
      puid: typeof puid === 'string' ? puid : `statement ${index + 1}`,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'statement'}: ${issue.message}`)
    })
  })
  return failures
}

export function describeFailures(failures: StatementFailure[], shown = 20, total = failures.length): string {
  const lines = failures.slice(0, shown).map((failure) => `  ${failure.puid}: ${failure.problems.join('; ')}`)
  if (total > shown) lines.push(`  … and ${total - shown} more`)
  return `${total} statement${total === 1 ? '' : 's'} of reasons would be rejected, so none were exported:\n${lines.join('\n')}`
}

/** The basis of one statement: a removal or disable still standing, with what the statement needs. */
export interface StatementSource {
  decisionId: number
  action: 'remove' | 'disable'
  clauseCode: string | null
  clauseTitle: string | null
  clauseDescription: string | null
  decidedAt: string
  automated: boolean
  commentCreatedAt: string | null
  reports: number
  /** The scores when it was decided. */
  scores: Scores
  /** For the statement to the reader only (never in the database's record): */
  commentId: string
  commentText: string
  authorName: string | null
  articleTitle: string | null
  articleUrl: string | null
}

type SourceRow = Omit<StatementSource, 'automated' | 'scores'> & { automated: number; scores: string }

/** Removals and disables decided in the period and not undone since, oldest first, one at a time. */
export function* statementSources(db: Db, filter: ReportFilter): Generator<StatementSource> {
  const { where, params } = reportConditions(filter)
  const rows = db
    .prepare<Record<string, string>, SourceRow>(
      `SELECT d.id AS decisionId, d.action, d.clause_code AS clauseCode, d.clause_title AS clauseTitle,
              d.clause_description AS clauseDescription, d.decided_at AS decidedAt, d.automated,
              c.created_at AS commentCreatedAt, c.reports, d.scores,
              c.external_id AS commentId, c.text AS commentText, au.name AS authorName, ar.title AS articleTitle, ar.url AS articleUrl
       ${REPORT_FROM} ${where} AND d.action IN ('remove', 'disable') AND NOT ${UNDONE_SQL}
       ORDER BY d.id`
    )
    .iterate(params)
  for (const row of rows) yield { ...row, automated: row.automated === 1, scores: JSON.parse(row.scores) as Scores }
}

/**
 * A prefix for puids that is random per database and kept in it: decision ids are never reused within a
 * database (the log is append-only), and the prefix keeps two databases' ids apart.
 */
export function puidPrefix(db: Db): string {
  const stored = readSetting(db, 'reports.puidPrefix', z.string().regex(/^[a-z0-9]{12}$/), '')
  if (stored) return stored
  const prefix = randomBytes(6).toString('hex')
  writeSetting(db, 'reports.puidPrefix', prefix)
  return prefix
}

export interface StatementContext {
  policy: Policy
  puidPrefix: string
  /** A score at or above its attribute's threshold means the scorer surfaced the comment. */
  thresholds: Thresholds
}

/** Whether software surfaced the comment: an automated rule decided, or the scorer put it among likely violations. */
export function automatedDetection(source: StatementSource, thresholds: Thresholds): boolean {
  return source.automated || reachesThreshold(source.scores, thresholds)
}

export function toStatement(source: StatementSource, { policy, puidPrefix, thresholds }: StatementContext): Statement {
  const clause = policy.clauses.find((candidate) => candidate.code === source.clauseCode)
  const removed = source.action === 'remove'
  const illegal = removed && clause?.legalGround !== undefined
  const clauseName = `"${source.clauseTitle ?? source.clauseCode}" (${source.clauseCode})`
  const ground = removed
    ? illegal
      ? { illegal_content_legal_ground: clause!.legalGround, illegal_content_explanation: source.clauseDescription ?? clause!.description }
      : {
          incompatible_content_ground: `${policy.publisher} Terms of Use, version ${policy.version}, clause ${clauseName}`,
          incompatible_content_explanation: source.clauseDescription ?? clause?.description ?? `The comment breaks clause ${clauseName}.`
        }
    : {
        incompatible_content_ground: `${policy.publisher} Terms of Use, version ${policy.version}: the publisher may disable any comment at its discretion`,
        incompatible_content_explanation: 'The comment was hidden at the publisher’s discretion (for example pending a legal check), without a finding that it breaks the Terms of Use.'
      }
  const decidedDay = source.decidedAt.slice(0, 10)
  return {
    decision_visibility: [removed ? 'DECISION_VISIBILITY_CONTENT_REMOVED' : 'DECISION_VISIBILITY_CONTENT_DISABLED'],
    decision_ground: illegal ? 'DECISION_GROUND_ILLEGAL_CONTENT' : 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    decision_ground_reference_url: policy.url,
    ...ground,
    category: (removed ? clause?.dsaCategory : policy.dsa?.disableCategory) ?? FALLBACK_CATEGORY,
    content_type: ['CONTENT_TYPE_TEXT'],
    content_date: source.commentCreatedAt?.slice(0, 10) ?? decidedDay,
    application_date: decidedDay,
    source_type: source.reports > 0 ? 'SOURCE_ARTICLE_16' : 'SOURCE_VOLUNTARY',
    automated_detection: automatedDetection(source, thresholds) ? 'Yes' : 'No',
    automated_decision: source.automated ? 'AUTOMATED_DECISION_FULLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED',
    territorial_scope: policy.dsa?.territorialScope ?? [],
    decision_facts: decisionFacts(source, policy, clauseName, thresholds),
    puid: `sieve-${puidPrefix}-${source.decisionId}`
  } as Statement
}

/** What happened, in words that name no person: no author, no moderator, no comment text, no note. */
function decisionFacts(source: StatementSource, policy: Policy, clauseName: string, thresholds: Thresholds): string {
  const who = source.automated ? 'by an automated moderation rule' : 'by a moderator'
  const how =
    source.reports > 0
      ? `Readers reported it (${source.reports} report${source.reports === 1 ? '' : 's'}).`
      : automatedDetection(source, thresholds)
        ? 'Automated toxicity scoring flagged it for review.'
        : 'A moderator found it while reviewing the comment queue.'
  const what =
    source.action === 'remove'
      ? `A reader comment in the comment section of a ${policy.publisher} article was removed ${who} under clause ${clauseName} of the Terms of Use.`
      : `A reader comment in the comment section of a ${policy.publisher} article was disabled (hidden) ${who} at the publisher’s discretion.`
  return `${what} ${how}`
}

/** Failures listed in full in an error message; beyond this they are only counted. */
const KEPT_FAILURES = 1000

/**
 * Writes every statement for the period to `out` as a JSON array of batch-endpoint bodies
 * (`{"statements": [...]}`, at most 100 each), one body a line. Two passes over the decisions, so that
 * nothing is written unless every statement is valid and memory stays flat however many there are.
 * Throws a UserError listing the failures. Returns how many statements and batches were written.
 */
export async function writeStatements(
  db: Db,
  filter: ReportFilter,
  context: Omit<StatementContext, 'puidPrefix'>,
  out: Writable
): Promise<{ count: number; batches: number }> {
  const full = { ...context, puidPrefix: puidPrefix(db) }
  const failures: StatementFailure[] = []
  let failed = 0
  for (const source of statementSources(db, filter)) {
    const [failure] = validateStatements([toStatement(source, full)])
    if (!failure) continue
    failed++
    if (failures.length < KEPT_FAILURES) failures.push(failure)
  }
  if (failed) throw new UserError(describeFailures(failures, 20, failed))

  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  let count = 0
  let batch: Statement[] = []
  const flush = async () => {
    await write(`${count > STATEMENTS_PER_BATCH ? ',\n' : '\n'}${JSON.stringify({ statements: batch })}`)
    batch = []
  }
  await write('[')
  for (const source of statementSources(db, filter)) {
    batch.push(toStatement(source, full))
    count++
    if (batch.length === STATEMENTS_PER_BATCH) await flush()
  }
  if (batch.length) await flush()
  await write(count ? '\n]\n' : ']\n')
  return { count, batches: Math.ceil(count / STATEMENTS_PER_BATCH) }
}
