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
import reportedQueue from './011-reported-queue'
import postgresLearning from './postgres/010-learning'
import postgresReportedQueue from './postgres/011-reported-queue'

/**
 * Every SQLite migration in order; the database's user_version is how many have run. Append only. A
 * team's PostgreSQL starts at its baseline (postgres/baseline.ts) and takes the migrations after it from
 * `postgresMigrations`, so that both stores reach the same SCHEMA_VERSION.
 */
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
  learning,
  reportedQueue
]

/** PostgreSQL's migrations after its baseline (version 9): one for each SQLite migration after that. */
export const postgresMigrations: readonly string[] = [postgresLearning, postgresReportedQueue]

export const SCHEMA_VERSION = migrations.length
