// The statement of reasons a publisher sends to the reader whose comment it removed or disabled
// (DSA Article 17): what was decided, on what ground, whether software was involved, and how to seek
// redress. Plain text, one per decision, ready to paste into an email or a platform message.
import type { Policy } from '../../../shared/model'
import type { ReportFilter } from '../../../shared/reports'
import type { Thresholds } from '../../../shared/settings'
import type { Db } from '../database/database'
import { EEA_COUNTRIES } from './dsa-vocabulary'
import { automatedDetection, discretionClause, puidPrefix } from './statements'
import { statementSources, type StatementSource } from './store/statement-rows'

const EXCERPT = 300
const RULE = '-'.repeat(72)

export function noticeText(source: StatementSource, policy: Policy, reference: string, thresholds: Thresholds): string {
  const removed = source.action === 'remove'
  const clause = policy.clauses.find((candidate) => candidate.code === source.clauseCode)
  const excerpt = source.commentText.length > EXCERPT ? `${source.commentText.slice(0, EXCERPT)}…` : source.commentText
  const detected = automatedDetection(source, thresholds)
  const lines = [
    `Dear ${source.authorName ?? 'reader'},`,
    '',
    `On ${source.decidedAt.slice(0, 10)} we ${removed ? 'removed' : 'disabled (hid)'} your comment ${source.commentId}` +
      (source.articleTitle ? ` on the article "${source.articleTitle}"` : '') +
      (source.articleUrl ? ` (${source.articleUrl})` : '') +
      '. It read:',
    '',
    ...excerpt.split('\n').map((line) => `    ${line}`),
    '',
    'Why:',
    removed
      ? `  It breaks our Terms of Use, clause "${source.clauseTitle ?? source.clauseCode}": ${source.clauseDescription ?? clause?.description ?? ''}`
      : `  We hid it under this clause of our Terms of Use: "${discretionClause(policy)}" It stays stored and may be re-enabled.`,
    ...(removed && clause?.legalGround ? [`  We also consider it illegal: ${clause.legalGround}`] : []),
    ...(removed && clause?.consideredIllegal ? ['  We also consider it illegal where we publish.'] : []),
    `  Terms of Use: ${policy.url}`,
    '',
    // Article 17(3)(a): where the restriction applies and for how long.
    'Where and for how long:',
    `  Everywhere: the comment is gone from our pages for every reader, in every country, including all ${EEA_COUNTRIES.length} countries of the European Economic Area.`,
    removed
      ? '  For good: it will not be published again, unless we reverse the decision (for example on your complaint).'
      : '  Until we decide otherwise: it stays hidden until we re-enable it or remove it.',
    '',
    'How the decision was made:',
    `  ${source.article16Notice ? 'Someone sent us a notice about the comment under Article 16 of the Digital Services Act.' : source.reports > 0 ? 'Other readers reported the comment.' : detected ? 'Automated scoring flagged the comment for review.' : 'A moderator found the comment while reviewing comments.'}`,
    `  ${source.automated ? 'The decision was taken by an automated rule.' : 'The decision was taken by a person, not by software alone.'}`,
    '',
    'Your options if you disagree:',
    `  1. Complain to us (internal complaint handling, free of charge): ${policy.dsa?.complaints ?? `reply to this message within six months, quoting ${reference}.`}`,
    '  2. Turn to a certified out-of-court dispute settlement body (Article 21 of the Digital Services Act).',
    '  3. Go to court: none of this limits your right to judicial redress under the law of your country.',
    '',
    `Reference: ${reference}`,
    policy.publisher
  ]
  return lines.join('\n')
}

/** Every notice for the period, separated by a rule line. */
export function buildNotices(db: Db, policy: Policy, filter: ReportFilter, thresholds: Thresholds): { text: string; count: number } {
  const prefix = puidPrefix(db)
  const notices: string[] = []
  for (const source of statementSources(db, filter)) notices.push(noticeText(source, policy, `sieve-${prefix}-${source.decisionId}`, thresholds))
  return { text: notices.length ? `${notices.join(`\n${RULE}\n\n`)}\n` : '', count: notices.length }
}
