// Platform sources: their settings in `sources.config` (never a secret), their password in the secret
// store, and the connector that talks to each. A new platform adds a case to connectorFor and a folder.
import type { Policy, SourceInfo } from '../../../shared/model'
import { UserError } from '../errors'
import type { SecretStore } from '../secrets/secret-store'
import type { Db } from '../database/database'
import type { PlatformConnector } from './platform'
import { connectedSourceNames, connectedSources, disconnectSource, saveCursor, saveSource, sourceNamed, type SourceRow } from './store/sources'
import { createWordPressConnector, wordpressConfigSchema } from './wordpress/connector'

export const PLATFORM_KINDS = ['wordpress'] as const
export type PlatformKind = (typeof PLATFORM_KINDS)[number]

export const passwordSecret = (name: string) => `source:${name}:password`

export interface NewPlatformSource {
  kind: PlatformKind
  name: string
  url: string
  user: string
  /** Required for a new source, and whenever the source moves to another origin; absent keeps the stored one. */
  password?: string
  approvedWindowDays?: number
}

export function addPlatformSource(db: Db, secrets: SecretStore, source: NewPlatformSource, now: Date): void {
  const parsed = wordpressConfigSchema.safeParse({ url: source.url, user: source.user, approvedWindowDays: source.approvedWindowDays })
  if (!parsed.success) throw new UserError(`The ${source.kind} source is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const url = new URL(parsed.data.url)
  if (url.username || url.password) throw new UserError('Give the user and password separately, not inside the URL.')
  if (source.password !== undefined && !source.password.trim()) throw new UserError('The application password is empty.')
  if (!source.name.trim()) throw new UserError('A source needs a name.')
  const existing = sourceNamed(db, source.name)
  if (existing && (existing.kind !== source.kind)) throw new UserError(`"${source.name}" is already the name of a ${existing.kind} source.`)
  // A password belongs to the site it was given for: without a new one, the source keeps its origin.
  const keptOrigin = source.password === undefined ? storedPasswordOrigin(existing?.config, secrets, source.name) : undefined
  if (source.password === undefined && keptOrigin !== url.origin) {
    throw new UserError(
      keptOrigin === undefined
        ? `Give "${source.name}" its application password.`
        : `"${source.name}" now points at ${url.origin}, another site than ${keptOrigin}, which its password was given for: give the application password for ${url.origin}.`
    )
  }
  const config = JSON.stringify({ ...parsed.data, passwordOrigin: url.origin })
  saveSource(db, source.kind, source.name, config, now)
  if (source.password !== undefined) secrets.set(passwordSecret(source.name), source.password)
}

/** The origin a source's stored password was given for, or undefined when it has none. */
function storedPasswordOrigin(config: string | undefined, secrets: SecretStore, name: string): string | undefined {
  if (config === undefined || config === '{}' || !secrets.has(passwordSecret(name))) return undefined
  const stored = JSON.parse(config) as { url?: unknown; passwordOrigin?: unknown }
  return passwordOriginOf({
    url: typeof stored.url === 'string' ? stored.url : undefined,
    passwordOrigin: typeof stored.passwordOrigin === 'string' ? stored.passwordOrigin : undefined
  })
}

/** Sources added before origins were recorded: the password belongs to the url it was given with. */
function passwordOriginOf(config: { url?: string; passwordOrigin?: string }): string | undefined {
  if (config.passwordOrigin !== undefined) return config.passwordOrigin
  return URL.canParse(config.url ?? '') ? new URL(config.url!).origin : undefined
}

export function listPlatformSources(db: Db, secrets: SecretStore): SourceInfo[] {
  return connectedSources(db, PLATFORM_KINDS).map((row) => {
    const config = JSON.parse(row.config) as { url: string; user: string }
    const cursor = row.cursor ? (JSON.parse(row.cursor) as { lastPulledAt?: string; lastRejected?: SourceInfo['lastPullRejected'] }) : {}
    return {
      name: row.name,
      kind: row.kind,
      url: config.url,
      user: config.user,
      hasPassword: secrets.has(passwordSecret(row.name)),
      comments: row.comments,
      pending: row.pending,
      failed: row.failed,
      conflicts: row.conflicts,
      lastPulledAt: cursor.lastPulledAt ?? null,
      lastPullRejected: cursor.lastRejected ?? []
    }
  })
}

/**
 * Forgets a source's connection and password. Its comments and the decisions on them stay (the decision
 * log answers for them); decisions not yet pushed are marked failed, since nothing can push them now.
 */
export function removePlatformSource(db: Db, secrets: SecretStore, name: string, now: Date): { comments: number; unpushed: number } {
  const result = disconnectSource(db, findSource(db, name).id, now)
  secrets.delete(passwordSecret(name))
  return result
}

export interface ConnectorContext {
  db: Db
  policy: Policy
  secrets: SecretStore
  now: () => Date
  /** How long one request to a platform may take (default 30 s). */
  requestTimeoutMs?: number
}

export function findSource(db: Db, name: string): SourceRow {
  const row = sourceNamed(db, name)
  if (!row || !(PLATFORM_KINDS as readonly string[]).includes(row.kind) || row.config === '{}') {
    throw new UserError(`There is no platform source named "${name}" (see \`source list\`).`)
  }
  return row
}

export function platformSourceNames(db: Db): string[] {
  return connectedSourceNames(db, PLATFORM_KINDS)
}

export function connectorFor(context: ConnectorContext, name: string): PlatformConnector {
  const row = findSource(context.db, name)
  const password = context.secrets.get(passwordSecret(name))
  if (password === undefined) {
    throw new UserError(`The password of "${name}" is not in this machine's secret store: add the source again with its application password.`)
  }
  const parsed = wordpressConfigSchema.safeParse(JSON.parse(row.config))
  if (!parsed.success) {
    throw new UserError(`"${name}" cannot be used as it is (${parsed.error.issues.map((issue) => issue.message).join('; ')}): add it again with its https address and password.`)
  }
  const config = parsed.data
  const passwordOrigin = passwordOriginOf(config)
  if (passwordOrigin !== new URL(config.url).origin) {
    throw new UserError(`"${name}" points at ${new URL(config.url).origin}, but its password was given for ${passwordOrigin}: add the source again with the password for ${new URL(config.url).origin}.`)
  }
  switch (row.kind as PlatformKind) {
    case 'wordpress':
      return createWordPressConnector({
        db: context.db,
        policy: context.policy,
        sourceId: row.id,
        config,
        password,
        now: context.now,
        timeoutMs: context.requestTimeoutMs,
        cursor: row.cursor,
        saveCursor: (cursor) => saveCursor(context.db, row.id, cursor)
      })
  }
}
