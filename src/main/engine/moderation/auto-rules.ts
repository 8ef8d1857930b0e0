// Optional automatic decisions, off by default: remove above one score citing a clause, hold (disable)
// above another. They only touch comments no one has decided yet, so a person's call (or an undo of a
// rule's call) is never overridden; each decision is marked automated and names its rule.
import { ACTION_STATUS, type Action, type Attribute, type Policy } from '../../../shared/model'
import type { ScoringSettings } from '../../../shared/settings'
import type { Db } from '../database/database'
import { sql } from '../database/sql/sql'
import { appendDecisionBatch, type Actor } from './store/decisions'
import { whereClause, type Conditions } from './store/filter-sql'
import { findClause } from './policy'

export const RULES_MODERATOR = 'Sieve rules'

function undecidedAbove(db: Db, attribute: Attribute | null, above: number): Conditions {
  const score = attribute ? db.dialect.jsonNumber('c.scores', attribute) : sql`c.priority`
  return [sql`c.status = 'pending'`, sql`NOT EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = c.id)`, sql`${score} >= ${above}`]
}

export function describeRule(kind: 'remove' | 'hold', attribute: Attribute | null, above: number): string {
  return `${kind} when ${attribute ? attribute.toLowerCase().replace(/_/g, ' ') : 'the strongest score'} ≥ ${above}`
}

export function applyRules(db: Db, policy: Policy, settings: ScoringSettings, machine: string, at: Date): { removed: number; held: number } {
  const actor: Actor = { moderator: RULES_MODERATOR, machine }
  const run = (action: Action, selection: Conditions, rule: string, clause: string | null) =>
    db.transaction(() => {
      const matching = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM comments c ${whereClause(selection)}`)!
      if (matching.n === 0) return 0
      const found = clause ? findClause(policy, clause) : null
      return appendDecisionBatch(db, selection, {
        action,
        statusAfter: ACTION_STATUS[action],
        clause: found ?? null,
        note: `Automatic: ${rule}`,
        actor,
        automated: true,
        rule,
        at
      }).changed
    })
  const { remove, hold } = settings.rules
  const removed =
    remove.enabled && findClause(policy, remove.clause)
      ? run('remove', undecidedAbove(db, remove.attribute, remove.above), describeRule('remove', remove.attribute, remove.above), remove.clause)
      : 0
  const held = hold.enabled ? run('disable', undecidedAbove(db, hold.attribute, hold.above), describeRule('hold', hold.attribute, hold.above), null) : 0
  return { removed, held }
}
