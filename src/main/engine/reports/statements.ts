// Statements of reasons (EU Digital Services Act, Article 17) for removed and disabled comments, in the
// statement layout of the DSA Transparency Database API. Each is checked against the database's own rules
// (statement-rules.ts) before it is written: one it would refuse is left out of its batch and listed with
// the reason, so the database takes the rest.
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { z } from 'zod'
import type { Policy } from '../../../shared/model'
import type { Thresholds } from '../../../shared/settings'
import type { ReportFilter } from '../../../shared/reports'
import type { Db } from '../database/database'
import { readSetting, writeSetting } from '../settings/store/settings'
import { reachesThreshold } from '../moderation/store/flags'
import { contentLanguage } from './content-language'
import { EEA_COUNTRIES, STATEMENTS_PER_BATCH, type DsaCategory, type DsaKeyword } from './dsa-vocabulary'
import { recordExported, statementExports, statementSources, type StatementSource } from './store/statement-rows'
import { batchProblems, statementProblems } from './statement-rules'

/** A statement as Sieve writes it: the fields of the database's layout that Sieve fills. */
export interface Statement {
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED' | 'DECISION_VISIBILITY_CONTENT_DISABLED']
  decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' | 'DECISION_GROUND_INCOMPATIBLE_CONTENT'
  decision_ground_reference_url: string
  illegal_content_legal_ground?: string
  illegal_content_explanation?: string
  incompatible_content_ground?: string
  incompatible_content_explanation?: string
  incompatible_content_illegal?: 'Yes'
  category: DsaCategory
  category_specification?: DsaKeyword[]
  category_specification_other?: string
  content_type: ['CONTENT_TYPE_TEXT']
  content_language?: string
  content_date: string
  application_date: string
  territorial_scope: string[]
  source_type: 'SOURCE_ARTICLE_16' | 'SOURCE_TYPE_OTHER_NOTIFICATION' | 'SOURCE_VOLUNTARY'
  automated_detection: 'Yes' | 'No'
  automated_decision: 'AUTOMATED_DECISION_FULLY' | 'AUTOMATED_DECISION_NOT_AUTOMATED'
  decision_facts: string
  puid: string
}

export interface StatementFailure {
  puid: string
  problems: string[]
}

/** Every statement the database would refuse, with each problem as `field: what is wrong`. */
export function validateStatements(statements: unknown[]): StatementFailure[] {
  const failures: StatementFailure[] = []
  statements.forEach((statement, index) => {
    const problems = statementProblems(statement)
    if (problems.length === 0) return
    const puid = (statement as { puid?: unknown })?.puid
    failures.push({ puid: typeof puid === 'string' ? puid : `statement ${index + 1}`, problems })
  })
  return failures
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

/** What a disable cites when the policy file does not quote its own discretion clause. */
export const DEFAULT_DISCRETION_CLAUSE = 'the publisher may hide any comment at its discretion, for example while it is checked, and restore it later.'
export const discretionClause = (policy: Policy) => policy.dsa?.discretionClause ?? DEFAULT_DISCRETION_CLAUSE

/** How a reader's report reached the publisher, as source_type says it. */
export function sourceType(source: StatementSource): Statement['source_type'] {
  if (source.article16Notice) return 'SOURCE_ARTICLE_16'
  return source.reports > 0 ? 'SOURCE_TYPE_OTHER_NOTIFICATION' : 'SOURCE_VOLUNTARY'
}

/** The day the content is dated: when it was posted, or when Sieve first saw it if its platform never said. */
export const contentDay = (source: StatementSource) => (source.commentCreatedAt ?? source.commentFirstSeenAt).slice(0, 10)

function grounds(source: StatementSource, policy: Policy, clauseName: string): Partial<Statement> & Pick<Statement, 'decision_ground'> {
  const terms = `${policy.publisher} Terms of Use, version ${policy.version}`
  if (source.action === 'disable') {
    return {
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      incompatible_content_ground: `${terms}, discretion clause: "${discretionClause(policy)}"`,
      incompatible_content_explanation: 'The publisher hid (disabled) the comment under this clause of its Terms of Use; it stays stored and may be restored.'
    }
  }
  const clause = policy.clauses.find((candidate) => candidate.code === source.clauseCode)
  const explanation = source.clauseDescription ?? clause?.description ?? `The comment breaks clause ${clauseName}.`
  if (clause?.legalGround !== undefined) {
    return { decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT', illegal_content_legal_ground: clause.legalGround, illegal_content_explanation: explanation }
  }
  return {
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: `${terms}, clause ${clauseName}`,
    incompatible_content_explanation: explanation,
    ...(clause?.consideredIllegal ? { incompatible_content_illegal: 'Yes' as const } : {})
  }
}

export function toStatement(source: StatementSource, { policy, puidPrefix, thresholds }: StatementContext): Statement {
  const removed = source.action === 'remove'
  const clause = removed ? policy.clauses.find((candidate) => candidate.code === source.clauseCode) : undefined
  const clauseName = `"${source.clauseTitle ?? source.clauseCode}" (${source.clauseCode})`
  const language = contentLanguage(source.commentText)
  const keywords = clause?.dsaKeywords as DsaKeyword[] | undefined
  return {
    decision_visibility: [removed ? 'DECISION_VISIBILITY_CONTENT_REMOVED' : 'DECISION_VISIBILITY_CONTENT_DISABLED'],
    decision_ground_reference_url: policy.url,
    ...grounds(source, policy, clauseName),
    category: ((removed ? clause?.dsaCategory : policy.dsa?.disableCategory) ?? 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC') as DsaCategory,
    ...(keywords ? { category_specification: keywords } : {}),
    ...(keywords && clause?.dsaKeywordOther ? { category_specification_other: clause.dsaKeywordOther } : {}),
    content_type: ['CONTENT_TYPE_TEXT'],
    ...(language ? { content_language: language } : {}),
    content_date: contentDay(source),
    application_date: source.decidedAt.slice(0, 10),
    // Removing or hiding a comment takes it off the page for every reader, wherever they are.
    territorial_scope: [...EEA_COUNTRIES],
    source_type: sourceType(source),
    automated_detection: automatedDetection(source, thresholds) ? 'Yes' : 'No',
    automated_decision: source.automated ? 'AUTOMATED_DECISION_FULLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED',
    decision_facts: decisionFacts(source, policy, clauseName, thresholds),
    puid: `sieve-${puidPrefix}-${source.decisionId}`
  }
}

/** What happened, in words that name no person: no author, no moderator, no comment text, no note. */
function decisionFacts(source: StatementSource, policy: Policy, clauseName: string, thresholds: Thresholds): string {
  const who = source.automated ? 'by an automated moderation rule' : 'by a moderator'
  const how = source.article16Notice
    ? 'It was reported in a notice under Article 16 of the Digital Services Act.'
    : source.reports > 0
      ? `Readers reported it (${source.reports} report${source.reports === 1 ? '' : 's'}).`
      : automatedDetection(source, thresholds)
        ? 'Automated toxicity scoring flagged it for review.'
        : 'A moderator found it while reviewing the comment queue.'
  const what =
    source.action === 'remove'
      ? `A reader comment in the comment section of a ${policy.publisher} article was removed ${who} under clause ${clauseName} of the Terms of Use.`
      : `A reader comment in the comment section of a ${policy.publisher} article was hidden (disabled) ${who} under the Terms of Use's discretion clause.`
  const when =
    source.commentCreatedAt === null
      ? ` Its posting time is unknown: the content date is when the publisher's moderation system first saw it (${contentDay(source)}).`
      : ''
  return `${what} ${how}${when}`
}

/** Failures listed in full; beyond this they are only counted. */
const KEPT_FAILURES = 1000

export interface StatementsWritten {
  count: number
  batches: number
  /** Left out because the database would refuse them. */
  failures: StatementFailure[]
  failed: number
  /** Left out because an earlier export wrote them (none when every statement was asked for). */
  exportedBefore: number
}

/**
 * Writes the period's statements to `out` as a JSON array of batch-endpoint bodies (`{"statements": [...]}`,
 * 1 to 100 each), one body a line, in one pass over the decisions so memory stays flat however many there
 * are. A statement the database would refuse is left out and listed. Unless `all`, the decisions whose
 * statements went out before are left out too; the ones written are recorded as exported once the last
 * byte has reached `out`.
 */
export async function writeStatements(
  db: Db,
  filter: ReportFilter,
  context: Omit<StatementContext, 'puidPrefix'>,
  out: Writable,
  { all = false, now = new Date() }: { all?: boolean; now?: Date } = {}
): Promise<StatementsWritten> {
  const full = { ...context, puidPrefix: puidPrefix(db) }
  const before = statementExports(db, filter).exported
  const written: number[] = []
  const failures: StatementFailure[] = []
  let failed = 0
  let batch: Statement[] = []

  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  const flush = async () => {
    const problems = batchProblems(batch)
    if (problems.length) throw new Error(`Sieve built a batch the database would refuse: ${problems.join('; ')}`)
    await write(`${written.length > batch.length ? ',\n' : '\n'}${JSON.stringify({ statements: batch })}`)
    batch = []
  }
  await write('[')
  for (const source of statementSources(db, filter, { onlyNew: !all })) {
    const statement = toStatement(source, full)
    const problems = statementProblems(statement)
    if (problems.length) {
      failed++
      if (failures.length < KEPT_FAILURES) failures.push({ puid: statement.puid, problems })
      continue
    }
    batch.push(statement)
    written.push(source.decisionId)
    if (batch.length === STATEMENTS_PER_BATCH) await flush()
  }
  if (batch.length) await flush()
  // The last write's callback: everything before it has been handed on too.
  await new Promise<void>((done, fail) => out.write(written.length ? '\n]\n' : ']\n', (error) => (error ? fail(error) : done())))
  recordExported(db, written, now)
  return { count: written.length, batches: Math.ceil(written.length / STATEMENTS_PER_BATCH), failures, failed, exportedBefore: all ? 0 : before }
}

/** What an export wrote and left out, in sentences (the CLI prints it; the Reports screen shows it). */
export function describeStatements({ count, batches, failures, failed, exportedBefore }: StatementsWritten, shown = 20): string {
  const lines = [`${count} statement${count === 1 ? '' : 's'} of reasons in ${batches} batch${batches === 1 ? '' : 'es'} of at most ${STATEMENTS_PER_BATCH}.`]
  if (exportedBefore) {
    lines.push(`${exportedBefore} exported before ${exportedBefore === 1 ? 'was' : 'were'} left out (the database refuses a puid twice); export with --all to repeat them.`)
  }
  if (failed) {
    lines.push(`${failed} left out because the DSA Transparency Database would refuse ${failed === 1 ? 'it' : 'them'}:`)
    lines.push(...failures.slice(0, shown).map((failure) => `  ${failure.puid}: ${failure.problems.join('; ')}`))
    if (failed > shown) lines.push(`  … and ${failed - shown} more`)
  }
  return lines.join('\n')
}
