import initial from './001-initial'

/** Every migration in order; the database's user_version is how many have run. */
export const migrations: readonly string[] = [initial]
