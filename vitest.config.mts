import { defineConfig } from 'vitest/config'

// The same integration tests run twice where the behaviour is the store's: on real SQLite files, and on
// a real PostgreSQL (team mode; tests/support/postgres.ts starts Debian's server). The second list holds
// the files that reach the database only through the engine or through `sql` (not better-sqlite3).
const ON_BOTH_STORES = [
  'tests/integration/auto-moderation.test.ts',
  'tests/integration/bulk.test.ts',
  'tests/integration/clause-suggestions.test.ts',
  'tests/integration/comment-detail.test.ts',
  'tests/integration/decisions.test.ts',
  'tests/integration/export.test.ts',
  'tests/integration/hostile-input.test.ts',
  'tests/integration/import-caps.test.ts',
  'tests/integration/import-job.test.ts',
  'tests/integration/import.test.ts',
  'tests/integration/importers.test.ts',
  'tests/integration/learn.test.ts',
  'tests/integration/learning-from-decisions.test.ts',
  'tests/integration/property-names.test.ts',
  'tests/integration/statements.test.ts',
  'tests/integration/teach-sieve.test.ts'
]

export default defineConfig({
  test: {
    // A guard against a hung test, not a speed limit: two test files share the machine's two cores, with
    // WordPress, MariaDB and PostgreSQL beside them, and the slowest test takes 19 s on a quiet run.
    testTimeout: 60_000,
    // The team-mode tests' PostgreSQL is up before any test starts its clock.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'suite', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'on-postgres', include: ON_BOTH_STORES, env: { SIEVE_TEST_STORE: 'postgres' } } }
    ]
  }
})
