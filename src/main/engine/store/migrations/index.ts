import initial from './001-initial'
import outbox from './002-outbox'
import wordpressSync from './004-wordpress-sync'

/** Every migration in order; the database's user_version is how many have run. Append only. */
export const migrations: readonly string[] = [initial, outbox, wordpressSync]
