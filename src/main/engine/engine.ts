// The engine: composes the store, sources, scoring, moderation and reports, and implements the API
// contract. Plain Node: everything it depends on comes in through EngineOptions.
import { hostname, userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import { Writable } from 'node:stream'
import { version } from '../../../package.json'
import type { Handlers } from '../../shared/api'
import {
  DEFAULT_KEYMAP_SETTING,
  DEFAULT_SCORING_SETTINGS,
  DEFAULT_TABLE_LAYOUT,
  keymapSettingSchema,
  savedViewsSchema,
  scoringSettingsSchema,
  tableLayoutSchema,
  type ScoringSettings
} from '../../shared/settings'
import type { Action, ConnectionTestResult, Policy, SourceInfo, SyncReport } from '../../shared/model'
import { decide, escalateComments, redoLast, undoLast } from './moderation/decide'
import { loadPolicy } from './moderation/policy'
import { writeDecisionLog, type LogFormat } from './reports/decision-log'
import { auditCsv, auditTrail } from './reports/audit'
import type { PdfPrinter } from './reports/pdf'
import { createReport, reportPreview, writeStreamedReport, type ReportContext, type ReportFile, type ReportWritten, type StatementChoice, type StreamedFormat } from './reports/report'
import { reportOptions } from './reports/report-options'
import type { AuditEntry, AuditTarget, ReportFilter, ReportFormat } from '../../shared/reports'
import type { ScoringProgress } from './scoring/run-scorer'
import { createJobs } from './jobs'
import { PRIMARY_SCORER } from './scoring/scorers'
import type { Scorer } from './scoring/scorer'
import { createScorerService } from './scoring/scorer-service'
import { loadDemo } from './sources/demo/demo-source'
import { importFile, type ImportFileOptions, type ImportFileReport } from './sources/files/import-file'
import type { ImportReport } from './sources/import-report'
import { describeImport } from './sources/describe-import'
import { commentDetail } from './store/comment-detail'
import { ensureSource, resolveExternalId } from './store/comments'
import { openDatabase, type Db } from './store/database'
import type { Actor } from './store/decisions'
import { countMatching, queueCounts, queuePage, scoreHistogram } from './store/queues'
import { readSetting, writeSetting } from './store/settings'
import { createUploads, type UploadLimits } from './uploads'
import { backupTo, dailyBackup } from './store/backup'
import { applyRules } from './moderation/auto-rules'
import { createWordMatcher } from './scoring/word-lists'
import { isFlagged } from './store/flags'
import { recheckComments } from './moderation/recheck'
import { UserError } from './errors'
import { describeLearning, learnFromDecisions, type LearnReport } from './scoring/local/learn-from-decisions'
import { createFileSecretStore, type SecretStore } from './secrets/secret-store'
import type { PullReport } from './sources/platform'
import { describePull } from './sources/describe-pull'
import {
  addPlatformSource,
  connectorFor,
  findSource,
  listPlatformSources,
  platformSourceNames,
  removePlatformSource,
  type NewPlatformSource
} from './sources/platform-sources'
import { retryFailed } from './sync/outbox-sync'
import { createSyncService, type SyncSettings, type SyncWait } from './sync/sync-service'

export interface EngineOptions {
  dbPath: string
  /** The folder holding policy/ and demo/. */
  resourcesDir: string
  moderator?: string
  now?: () => Date
  nativeBinding?: string
  /** Where API keys and passwords live (default: secrets.json beside the database, mode 0600). */
  secrets?: SecretStore
  /** Grace period, backoff and loop interval of the outbox that pushes decisions to platforms. */
  sync?: SyncSettings
  /** Push decisions in the background as their grace period ends (the app); otherwise only on `syncNow`. */
  autoSync?: boolean
  /** How long one request to a platform (WordPress) may take, answer included, before it counts as a network failure (default 30 s). */
  requestTimeoutMs?: number
  /** Prints HTML to PDF (A4): Electron's printToPDF on the desktop, headless Chromium elsewhere. */
  printToPdf?: PdfPrinter
  /** Size cap, how many at once, and when an abandoned upload is removed (defaults: 2 GiB, 4, 30 minutes). */
  uploadLimits?: Partial<UploadLimits>
}

export interface PullOptions {
  /** List everything again, ignoring the cursor. */
  full?: boolean
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

export type FileImportOptions = Omit<ImportFileOptions, 'now'> & { sourceName?: string }

export interface Engine {
  readonly db: Db
  readonly policy: Policy
  readonly actor: Actor
  readonly secrets: SecretStore
  readonly handlers: Handlers
  isEmpty(): boolean
  loadDemo(): Promise<ImportReport>
  /** Imports a file of comments (NDJSON, CSV, WordPress WXR, Disqus XML; detected when not named). */
  importFile(path: string, options?: FileImportOptions): Promise<ImportFileReport>
  /** Scores what the scorer has not scored yet; a cloud scorer that cannot throws a ScorerError saying why. */
  score(scorerName: string, onProgress?: (progress: ScoringProgress) => void, signal?: AbortSignal): Promise<ScoringProgress>
  /** A scorer by name, built for this engine (the local one reads this newsroom's retrained model). */
  scorer(name: string): Scorer
  /** Retrains the local model on the decisions (afresh with the labelled data sets when given their folder). */
  learn(dataDir?: string): Promise<LearnReport>
  /** Decides on comments named by their source ids (the CLI's way in). */
  decideByIds(ids: string[], action: Action, options: { clause?: string; note?: string }): { changed: number }
  /** The decision log, whole or for a report's period, streamed to `out` (which stays open). */
  writeDecisionLog(format: LogFormat, out: Writable, filter?: ReportFilter): Promise<void>
  report(filter: ReportFilter, format: ReportFormat, choice?: StatementChoice): Promise<ReportFile>
  /** The decision log or the statements of reasons, streamed to `out` (left open); says what it wrote. */
  writeReport(filter: ReportFilter, format: StreamedFormat, out: Writable, choice?: StatementChoice): Promise<ReportWritten>
  auditTrail(target: AuditTarget): AuditEntry[]
  /** A consistent copy of the database, taken while it stays in use. */
  backup(path: string): Promise<void>
  /** Today's copy in backups/ beside the database, unless there is one (a week of them is kept). */
  dailyBackup(): Promise<string | null>
  addSource(source: NewPlatformSource): void
  listSources(): SourceInfo[]
  removeSource(name: string): { comments: number; unpushed: number }
  testSource(name: string): Promise<ConnectionTestResult>
  /** Pulls one platform source, or all of them; new comments are scored. */
  pull(sourceName?: string, options?: PullOptions): Promise<{ source: string; report: PullReport }[]>
  /** Pushes the decisions whose grace period (and backoff) is over: one round of the background loop. */
  syncDue(): Promise<SyncReport>
  /** Pushes every waiting decision now (grace period and backoff not waited out). */
  syncNow(): Promise<SyncReport>
  /** syncNow, then retries transient failures (a site that is down included) for up to `budgetMs`, telling `onWait` before each wait. */
  syncUntilSettled(budgetMs: number, onWait?: (wait: SyncWait) => void): Promise<SyncReport>
  retryFailed(sourceName?: string): number
  /** Closes an article (a WordPress post, by its id there) to new comments, on the site and here. */
  closeArticle(articleId: string, sourceName?: string): Promise<{ source: string; title: string | null }>
  /** Stops the background sync loop, waiting for a round in flight, then closes. */
  shutdown(): Promise<void>
  close(): void
}

export function createEngine(options: EngineOptions): Engine {
  const now = options.now ?? (() => new Date())
  const db = openDatabase(options.dbPath, { nativeBinding: options.nativeBinding })
  const policy = loadPolicy(join(options.resourcesDir, 'policy', 'terms-of-use.json'))
  const actor: Actor = { moderator: options.moderator || userInfo().username, machine: hostname() }
  const secrets = options.secrets ?? createFileSecretStore(join(dirname(options.dbPath), 'secrets.json'))

  const scoringSettings = () => readSetting(db, 'scoring', scoringSettingsSchema, DEFAULT_SCORING_SETTINGS)
  const projection = (settings: ScoringSettings) => ({
    matchWords: createWordMatcher(settings.wordLists),
    isFlagged: isFlagged.bind(null, settings)
  })

  const writeLog = (format: LogFormat, out: Writable, filter?: ReportFilter) => writeDecisionLog(db, format, out, filter)
  const reportContext = (): ReportContext => ({ db, policy, thresholds: scoringSettings().thresholds, now: now(), printToPdf: options.printToPdf })
  const jobs = createJobs()
  const uploads = createUploads(options.uploadLimits)
  const scorers = createScorerService({ db, secrets, now, resourcesDir: options.resourcesDir, dataDir: dirname(options.dbPath) })
  /** The running scoring job of each scorer: a second start joins it rather than doubling the request rate. */
  const scoringJobs = new Map<string, number>()
  const connectorContext = { db, policy, secrets, now, requestTimeoutMs: options.requestTimeoutMs }
  const sync = createSyncService(db, policy, now, (name) => connectorFor(connectorContext, name), options.sync)
  if (options.autoSync) sync.startLoop()

  const pullSources = async (sourceName: string | undefined, { full, signal, onProgress }: PullOptions = {}) => {
    const names = sourceName === undefined ? platformSourceNames(db) : [findSource(db, sourceName).name]
    if (names.length === 0) throw new UserError('There is no platform source to pull from: add one with `source add wordpress`.')
    const results: { source: string; report: PullReport }[] = []
    for (const name of names) {
      const report = await connectorFor(connectorContext, name).pull({ full, signal, onProgress })
      results.push({ source: name, report })
      if (signal?.aborted) break
    }
    // New comments join the queues where their scores put them.
    await engine.score(PRIMARY_SCORER)
    return results
  }

  const handlers: Handlers = {
    session: () => ({ ...actor, version }),
    policy: () => policy,
    keymap: () => readSetting(db, 'keymap', keymapSettingSchema, DEFAULT_KEYMAP_SETTING),
    saveKeymap: (setting) => {
      writeSetting(db, 'keymap', setting)
      return setting
    },
    tableLayout: () => readSetting(db, 'tableLayout', tableLayoutSchema, DEFAULT_TABLE_LAYOUT),
    saveTableLayout: (layout) => {
      writeSetting(db, 'tableLayout', layout)
      return layout
    },
    savedViews: () => readSetting(db, 'savedViews', savedViewsSchema, []),
    saveSavedViews: (views) => {
      writeSetting(db, 'savedViews', views)
      return views
    },
    scoringSettings,
    saveScoringSettings: (settings) => {
      if (!policy.clauses.some((clause) => clause.code === settings.rules.remove.clause)) {
        throw new UserError(`The removal rule cites "${settings.rules.remove.clause}", which is not a clause of the Terms of Use.`)
      }
      const before = scoringSettings()
      writeSetting(db, 'scoring', settings)
      return jobs.start('rechecking', async ({ progress }) =>
        recheckComments(db, policy, before, settings, { machine: actor.machine, at: now(), progress })
      )
    },
    counts: () => queueCounts(db),
    queuePage: (input) => queuePage(db, input),
    count: ({ filter }) => countMatching(db, filter),
    histogram: ({ filter, attribute, buckets }) => scoreHistogram(db, filter, attribute ?? null, buckets),
    decide: ({ keys, filter, ...rest }) =>
      decide(db, policy, actor, { target: keys ? { keys } : { filter: filter! }, ...rest }, now()),
    escalate: ({ keys, filter, note }) => ({
      escalated: escalateComments(db, actor, keys ? { keys } : { filter: filter! }, note, now())
    }),
    undo: () => undoLast(db, actor, now()),
    redo: () => redoLast(db, actor, now()),
    commentDetail: ({ key }) => commentDetail(db, key),
    uploadBegin: ({ name }) => ({ uploadId: uploads.begin(name) }),
    uploadChunk: ({ uploadId, data }) => ({ bytes: uploads.append(uploadId, data) }),
    importUpload: ({ uploadId, format }) => {
      const path = uploads.claim(uploadId)
      return jobs.start('import', async ({ signal, progress }) => {
        try {
          const report = await engine.importFile(path, {
            format,
            signal,
            onProgress: ({ bytesRead, totalBytes }) => progress(bytesRead, totalBytes)
          })
          // New comments join the queues where their scores put them, not at the bottom.
          const scored = signal.aborted ? null : await engine.score(PRIMARY_SCORER)
          return describeImport(report) + (scored ? `\nScored ${scored.done} comments.` : '')
        } finally {
          uploads.remove(uploadId)
        }
      })
    },
    learn: () =>
      jobs.start('retraining', async ({ signal }) => {
        const report = await engine.learn()
        if (!report.saved || signal.aborted) return describeLearning(report)
        const scored = await engine.score(PRIMARY_SCORER)
        return `${describeLearning(report)} Rescored ${scored.done} comments.`
      }),
    scorers: () => scorers.list(),
    secretStorage: () => ({ location: secrets.location }),
    configureScorer: (configuration) => scorers.configure(configuration),
    startScoring: ({ scorer: name }) => {
      const running = scoringJobs.get(name)
      if (running !== undefined) return jobs.get(running)
      const { label } = scorers.describe(name)
      const job = jobs.start('score', async ({ signal, progress }) => {
        try {
          const result = await scorers.run(name, { signal, onProgress: ({ done, total }) => progress(done, total) })
          return signal.aborted
            ? `Cancelled: ${result.done} of ${result.total} comments were scored with ${label}; their scores are kept.`
            : `Scored ${result.done} comments with ${label}.`
        } finally {
          scoringJobs.delete(name)
        }
      })
      scoringJobs.set(name, job.id)
      return job
    },
    job: ({ jobId }) => jobs.get(jobId),
    cancelJob: ({ jobId }) => jobs.cancel(jobId),
    exportLog: async ({ format }) => {
      const chunks: string[] = []
      const collect = new Writable({
        write(chunk, _encoding, done) {
          chunks.push(String(chunk))
          done()
        }
      })
      await writeLog(format, collect)
      const day = now().toISOString().slice(0, 10)
      return {
        filename: `sieve-decisions-${day}.${format}`,
        mime: format === 'csv' ? 'text/csv' : 'application/json',
        content: chunks.join('')
      }
    },
    sources: () => engine.listSources(),
    addSource: (source) => {
      engine.addSource(source)
      return engine.listSources()
    },
    removeSource: ({ name }) => {
      engine.removeSource(name)
      return engine.listSources()
    },
    testSource: ({ name }) => engine.testSource(name),
    pull: ({ source, full }) => {
      if (source !== undefined) findSource(db, source)
      return jobs.start('pull', async ({ signal, progress }) => {
        const results = await pullSources(source, { full, signal, onProgress: progress })
        return results.map(({ source: name, report }) => describePull(name, report)).join('\n')
      })
    },
    syncNow: () => sync.run({ now: true }),
    closeArticle: ({ articleId, source }) => engine.closeArticle(articleId, source),
    retrySync: ({ source }) => {
      retryFailed(db, now(), source)
      return sync.run({ now: true })
    },
    reportOptions: () => reportOptions(db),
    reportPreview: ({ filter }) => reportPreview(reportContext(), filter),
    exportReport: async ({ filter, format, all }) => {
      const file = await createReport(reportContext(), filter, format, { all })
      return format === 'pdf'
        ? { filename: file.filename, mime: file.mime, content: file.content.toString('base64'), encoding: 'base64' }
        : { filename: file.filename, mime: file.mime, content: file.content.toString('utf8'), ...(format === 'sor' ? { note: file.description } : {}) }
    },
    auditTrail: (target) => auditTrail(db, target),
    exportAuditTrail: ({ target, format }) => {
      const entries = auditTrail(db, target)
      const name = target.comment !== undefined ? `comment-${target.comment}` : `author-${target.author}`
      return {
        filename: `sieve-audit-${name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80)}.${format}`,
        mime: format === 'csv' ? 'text/csv' : 'application/json',
        content: format === 'csv' ? auditCsv(entries) : JSON.stringify(entries, null, 2) + '\n'
      }
    }
  }

  const engine: Engine = {
    db,
    policy,
    actor,
    secrets,
    handlers,
    isEmpty: () => db.prepare('SELECT 1 FROM comments LIMIT 1').get() === undefined,
    loadDemo: () => loadDemo(db, options.resourcesDir, now),
    importFile: (path, { sourceName = 'Imported file', ...rest } = {}) =>
      importFile(db, ensureSource(db, 'file', sourceName, now()), path, { ...rest, now }),
    async score(scorerName, onProgress, signal) {
      const primary = scorerName === PRIMARY_SCORER
      const settings = scoringSettings()
      const progress = await scorers.run(scorerName, { onProgress, signal, projection: primary ? projection(settings) : null })
      if (primary) applyRules(db, policy, settings, actor.machine, now())
      return progress
    },
    scorer: (name) => scorers.create(name),
    learn: (dataDir) => learnFromDecisions(db, { resourcesDir: options.resourcesDir, dataDir: dirname(options.dbPath) }, dataDir),
    decideByIds(ids, action, { clause, note }) {
      const keys = ids.map((id) => resolveExternalId(db, id))
      return decide(db, policy, actor, { target: { keys }, action, clause, note }, now())
    },
    writeDecisionLog: writeLog,
    backup: (path) => backupTo(db, path),
    dailyBackup: () => dailyBackup(db, options.dbPath, now()),
    addSource: (source) => addPlatformSource(db, secrets, source, now()),
    listSources: () => listPlatformSources(db, secrets),
    removeSource: (name) => removePlatformSource(db, secrets, name, now()),
    testSource: (name) => connectorFor(connectorContext, name).test(),
    pull: pullSources,
    syncDue: () => sync.run(),
    syncNow: () => sync.run({ now: true }),
    syncUntilSettled: (budgetMs, onWait) => sync.runUntilSettled(budgetMs, onWait),
    retryFailed: (sourceName) => retryFailed(db, now(), sourceName),
    async closeArticle(articleId, sourceName) {
      const candidates = db
        .prepare<[string], { source: string; title: string | null; id: number }>(
          `SELECT s.name AS source, a.title, a.id FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.external_id = ?`
        )
        .all(articleId)
        .filter((row) => (sourceName === undefined ? platformSourceNames(db).includes(row.source) : row.source === sourceName))
      if (candidates.length === 0) throw new UserError(`No article "${articleId}" from a platform source${sourceName ? ` named "${sourceName}"` : ''}.`)
      if (candidates.length > 1) throw new UserError(`Several sources have an article "${articleId}": name one with --source.`)
      const [article] = candidates
      await connectorFor(connectorContext, article.source).closeArticle(articleId)
      db.prepare('UPDATE articles SET commenting_open = 0 WHERE id = ?').run(article.id)
      return { source: article.source, title: article.title }
    },
    async shutdown() {
      await sync.stop()
      engine.close()
    },
    report: (filter, format, choice) => createReport(reportContext(), filter, format, choice),
    writeReport: (filter, format, out, choice) => writeStreamedReport(reportContext(), filter, format, out, choice),
    auditTrail: (target) => auditTrail(db, target),
    close: () => {
      void sync.stop()
      uploads.close()
      if (db.open) db.close()
    }
  }
  return engine
}
