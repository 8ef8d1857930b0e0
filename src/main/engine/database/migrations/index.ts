import initial from './001-initial'
import outbox from './002-outbox'
import flagsAndRules from './003-flags-and-rules'
import scoreCache from './004-score-cache'
import wordpressSync from './005-wordpress-sync'
import statementExports from './006-statement-exports'
import escalationResolvedBy from './007-escalation-resolved-by'
import uncertainty from './008-uncertainty'
import oneNameForTheClause from './009-one-name-for-the-clause'
import learning from './010-learning'

/** Every migration in order; the database's user_version is how many have run. Append only. */
export const migrations: readonly string[] = [
  initial,
  outbox,
  flagsAndRules,
  scoreCache,
  wordpressSync,
  statementExports,
  escalationResolvedBy,
  uncertainty,
  oneNameForTheClause,
  learning
]
