// What every slice's handlers work with: the database, the Terms of Use, who is deciding, the clock, the
// secret store, the events, and the services several slices share (jobs, scorers, the outbox's sync,
// uploads, platform connectors). Services are built on first use: a reader never builds the writer's.
import { hostname, userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import type { EngineEvent } from '../../shared/api'
import type { Policy } from '../../shared/model'
import { DEFAULT_SCORING_SETTINGS, scoringSettingsSchema, type ScoringSettings } from '../../shared/settings'
import { createJobs, type Jobs } from './jobs/jobs'
import { loadPolicy } from './moderation/policy'
import type { PdfPrinter } from './reports/pdf'
import { createScorerService, type ScorerService } from './scoring/scorer-service'
import { createFileSecretStore, secretStoreFrom, type SecretsPlan, type SecretStore } from './secrets/secret-store'
import { connectorFor } from './sources/platform-sources'
import type { PlatformConnector } from './sources/platform'
import { loggedInRole, openStore, type Db } from './database/database'
import type { Actor } from './moderation/store/decisions'
import { readSetting } from './settings/store/settings'
import { releaseClaims } from './team/store/claims'
import { createSyncService, type SyncService, type SyncSettings } from './sync/sync-service'
import { createUploads, type UploadLimits, type Uploads } from './uploads'

export interface EngineOptions {
  /** The SQLite database (a moderator alone); with `dbUrl`, where the local data lives (the model, secrets, backups). */
  dbPath: string
  /** A team's PostgreSQL database (postgres://USER@HOST:PORT/DB): the engine keeps its data there instead. */
  dbUrl?: string
  /** The folder holding policy/, demo/ and model/. */
  resourcesDir: string
  moderator?: string
  now?: () => Date
  nativeBinding?: string
  /** Where API keys and passwords live (default: secrets.json in `secretsDir`, mode 0600). */
  secrets?: SecretStore
  /** The folder of the default secret store (default: beside the database). */
  secretsDir?: string
  /** Where the app remembers a team database chosen in it (paths.ts); without it, the store cannot be changed from the app. */
  storeChoice?: string
  /** Why this engine runs on the desktop's own database although a team database was chosen (store-switch.ts). */
  storeProblem?: string
  /** The same as data, for an engine on threads or in a process of its own (each makes its store from it). */
  secretsPlan?: SecretsPlan
  /** Grace period, backoff and loop interval of the outbox that pushes decisions to platforms. */
  sync?: SyncSettings
  /** Push decisions in the background as their grace period ends (the app); otherwise only when asked. */
  autoSync?: boolean
  /** Retrain the local model in the background after every N decisions (the app); otherwise only when asked. */
  autoLearn?: boolean
  /** How long one request to a platform (WordPress) may take, answer included, before it counts as a network failure (default 30 s). */
  requestTimeoutMs?: number
  /** Prints HTML to PDF (A4): Electron's printToPDF on the desktop, headless Chromium elsewhere. */
  printToPdf?: PdfPrinter
  /** Size cap, how many at once, and when an abandoned upload is removed (defaults: 2 GiB, 4, 30 minutes). */
  uploadLimits?: Partial<UploadLimits>
}

export interface EngineContext {
  readonly options: EngineOptions
  readonly db: Db
  readonly policy: Policy
  readonly actor: Actor
  readonly now: () => Date
  readonly secrets: SecretStore
  /** The folder beside the database: the retrained model, uploads' neighbours. */
  readonly dataDir: string
  emit(event: EngineEvent): void
  scoringSettings(): ScoringSettings
  readonly jobs: Jobs
  readonly scorers: ScorerService
  readonly sync: SyncService
  readonly uploads: Uploads
  connector(source: string): PlatformConnector
  close(): Promise<void>
}

export function createContext(options: EngineOptions, emit: (event: EngineEvent) => void, access: 'read' | 'write' = 'write'): EngineContext {
  const now = options.now ?? (() => new Date())
  const dataDir = dirname(options.dbPath)
  const secrets = options.secrets ?? (options.secretsPlan ? secretStoreFrom(options.secretsPlan) : createFileSecretStore(join(options.secretsDir ?? dataDir, 'secrets.json')))
  const db = openStore(options, secrets, access)
  const policy = loadPolicy(join(options.resourcesDir, 'policy', 'terms-of-use.json'))
  const connectorContext = { db, policy, secrets, now, requestTimeoutMs: options.requestTimeoutMs }
  const lazy = <T>(make: () => T) => {
    let made: T | undefined
    return () => (made ??= make())
  }
  const jobs = lazy(() => createJobs((snapshot) => emit({ name: 'jobChanged', payload: snapshot })))
  const scorers = lazy(() => createScorerService({ db, secrets, now, resourcesDir: options.resourcesDir, dataDir }))
  const connector = (name: string) => connectorFor(connectorContext, name)
  const sync = lazy(() => createSyncService(db, policy, now, connector, options.sync))
  const uploads = lazy(() => createUploads(options.uploadLimits))
  let syncStarted = false
  const context: EngineContext = {
    options,
    db,
    policy,
    // In a team the log names the logged-in role, whatever the caller says (a trigger enforces it too).
    actor: { moderator: loggedInRole(db) ?? (options.moderator || userInfo().username), machine: hostname() },
    now,
    secrets,
    dataDir,
    emit,
    scoringSettings: () => readSetting(db, 'scoring', scoringSettingsSchema, DEFAULT_SCORING_SETTINGS),
    get jobs() {
      return jobs()
    },
    get scorers() {
      return scorers()
    },
    get sync() {
      syncStarted = true
      return sync()
    },
    get uploads() {
      return uploads()
    },
    connector,
    async close() {
      if (syncStarted) await sync().stop()
      jobs().cancelAll()
      uploads().close()
      // A moderator who quits lets go of what they were reading at once (otherwise it lapses in two minutes).
      if (db.open && access === 'write') {
        try {
          releaseClaims(db)
        } catch {
          // A lost connection: the lease lapses by itself.
        }
      }
      if (db.open) db.close()
    }
  }
  return context
}
