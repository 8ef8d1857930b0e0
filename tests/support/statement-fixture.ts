import { sql } from '../../src/main/engine/database/sql/sql'
// Every kind of statement of reasons Sieve writes, made through the engine's own import and decide: a removal
// under each shipped clause, a disable, a rule's automated removal, a comment readers reported, one reported in
// an Article 16 notice, one whose platform gave no posting time, one posted before 2000 (which the database
// refuses), and comments in English, Hinglish and Devanagari Hindi.
import { decide } from '../../src/main/engine/moderation/decide'
import type { Statement } from '../../src/main/engine/reports/statements'
import { resolveExternalId } from '../../src/main/engine/sources/store/comments'
import { settableClock } from './report-fixture'
import { comment, decideByIds, tempDir, tempEngine, writeNdjson } from './temp-engine'

/** Sieve first sees the comments on this day, a week before it decides on them. */
export const FIRST_SEEN = '2026-08-10T08:00:00Z'
export const DECIDED_DAY = '2026-08-17'
export const DECISION_DAY = { from: DECIDED_DAY, to: DECIDED_DAY }

export const HINGLISH = 'bhai ye sab jhooth hai, koi inki baat mat suno, sab ke sab chor hai'
export const DEVANAGARI = 'ये सब झूठ है, इनकी बात मत सुनो'

export type Batch = { statements: Statement[] }

export async function statementFixture() {
  const dir = tempDir()
  const clock = settableClock(FIRST_SEEN)
  const engine = await tempEngine({ now: clock.now }, dir)
  const clauses = engine.policy.clauses
  const lines = [
    ...clauses.map((clause) => comment(`clause-${clause.code}`, `This comment broke the ${clause.title} rule and was taken down for it.`)),
    comment('disabled', 'This comment is being checked by the legal team before it can stay up.'),
    comment('rule', 'Buy cheap followers now at the link in my profile, it is the best offer of the year.'),
    comment('reported', 'You are all idiots and this is the worst article on the site.', { reports: 2 }),
    comment('notice', 'The mayor took a bribe from the builder, everyone in the ward knows it.', { reports: 1, article16Notice: true }),
    comment('undated', HINGLISH, { createdAt: null }),
    comment('old', 'This comment came over from the old forum and it was abusive even then.', { createdAt: '1999-12-31T23:00:00Z' }),
    comment('devanagari', DEVANAGARI)
  ]
  await engine.call('importFile', { path: writeNdjson(dir, 'statements.ndjson', lines), source: 'Daily Post' })

  clock.set(`${DECIDED_DAY}T09:00:00Z`)
  for (const clause of clauses) await decideByIds(engine, [`clause-${clause.code}`], 'remove', { clause: clause.code })
  await decideByIds(engine, ['disabled'], 'disable', { note: 'legal check' })
  await decideByIds(engine, ['reported'], 'remove', { clause: 'abusive' })
  await decideByIds(engine, ['notice'], 'remove', { clause: 'defamatory' })
  await decideByIds(engine, ['undated'], 'remove', { clause: 'hate' })
  await decideByIds(engine, ['old'], 'remove', { clause: 'abusive' })
  await decideByIds(engine, ['devanagari'], 'remove', { clause: 'abusive' })
  decide(
    engine.sql,
    engine.policy,
    { moderator: 'Sieve rules', machine: 'server' },
    { target: { keys: [resolveExternalId(engine.sql, 'rule')] }, action: 'remove', clause: 'spam', automated: true },
    new Date(`${DECIDED_DAY}T09:30:00Z`)
  )

  /** The puid of the statement about a comment (its latest decision). */
  const puidOf = (commentId: string) => {
    const { id } = engine.sql.get<{ id: number }>(sql`SELECT max(d.id) AS id FROM decisions d JOIN comments c ON c.id = d.comment_id WHERE c.external_id = ${commentId}`)!
    return new RegExp(`^sieve-[a-z0-9]{12}-${id}$`)
  }
  /** The statement about a comment among exported batches. */
  const statementOf = (batches: Batch[], commentId: string): Statement | undefined =>
    batches.flatMap((batch) => batch.statements).find((statement) => puidOf(commentId).test(statement.puid))

  return { dir, engine, clock, clauses, puidOf, statementOf }
}

export async function exportStatements(engine: Awaited<ReturnType<typeof statementFixture>>['engine'], all = false) {
  const file = await engine.call('exportReport', { filter: DECISION_DAY, format: 'sor', all })
  return { batches: JSON.parse(file.content) as Batch[], note: file.note ?? '' }
}
