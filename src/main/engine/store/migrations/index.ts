import initial from './001-initial'
import outbox from './002-outbox'
import scoreCache from './003-score-cache'

/** Every migration in order; the database's user_version is how many have run. Append only. */
export const migrations: readonly string[] = [initial, outbox, scoreCache]
