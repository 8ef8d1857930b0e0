// The engine: composes the store, sources, scoring, moderation and reports, and implements the API
// contract. Plain Node: everything it depends on comes in through EngineOptions.
import { hostname, userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import { Writable } from 'node:stream'
import { version } from '../../../package.json'
import type { Handlers } from '../../shared/api'
import { DEFAULT_KEYMAP_SETTING, DEFAULT_TABLE_LAYOUT, keymapSettingSchema, tableLayoutSchema } from '../../shared/settings'
import type { Action, Policy } from '../../shared/model'
import { decide, escalateComments, redoLast, undoLast } from './moderation/decide'
import { loadPolicy } from './moderation/policy'
import { writeDecisionLog, type LogFormat } from './reports/decision-log'
import { auditCsv, auditTrail } from './reports/audit'
import type { PdfPrinter } from './reports/pdf'
import { createReport, reportPreview, writeStreamedReport, type ReportContext, type ReportFile, type StreamedFormat } from './reports/report'
import { reportOptions } from './reports/report-options'
import type { AuditEntry, AuditTarget, ReportFilter, ReportFormat } from '../../shared/reports'
import { scoreUnscored, type ScoringProgress } from './scoring/run-scorer'
import { createJobs } from './jobs'
import { createScorer, PRIMARY_SCORER } from './scoring/scorers'
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
import { createUploads } from './uploads'
import { createFileSecretStore, type SecretStore } from './secrets/secret-store'

export interface EngineOptions {
  dbPath: string
  /** The folder holding policy/ and demo/. */
  resourcesDir: string
  moderator?: string
  now?: () => Date
  /** Comments whose strongest score reaches this are "Likely violations". */
  likelyThreshold?: number
  nativeBinding?: string
  /** Where API keys and passwords live (default: secrets.json beside the database, mode 0600). */
  secrets?: SecretStore
  /** Prints HTML to PDF (A4): Electron's printToPDF on the desktop, headless Chromium elsewhere. */
  printToPdf?: PdfPrinter
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
  score(scorerName: string, onProgress?: (progress: ScoringProgress) => void): Promise<ScoringProgress>
  /** Decides on comments named by their source ids (the CLI's way in). */
  decideByIds(ids: string[], action: Action, options: { clause?: string; note?: string }): { changed: number }
  /** The decision log, whole or for a report's period, streamed to `out` (which stays open). */
  writeDecisionLog(format: LogFormat, out: Writable, filter?: ReportFilter): Promise<void>
  report(filter: ReportFilter, format: ReportFormat): Promise<ReportFile>
  /** The decision log or the statements of reasons, streamed to `out` (left open); says what it wrote. */
  writeReport(filter: ReportFilter, format: StreamedFormat, out: Writable): Promise<string>
  auditTrail(target: AuditTarget): AuditEntry[]
  close(): void
}

export function createEngine(options: EngineOptions): Engine {
  const now = options.now ?? (() => new Date())
  const db = openDatabase(options.dbPath, { nativeBinding: options.nativeBinding })
  const policy = loadPolicy(join(options.resourcesDir, 'policy', 'terms-of-use.json'))
  const actor: Actor = { moderator: options.moderator || userInfo().username, machine: hostname() }
  const likelyThreshold = options.likelyThreshold ?? 0.7
  const secrets = options.secrets ?? createFileSecretStore(join(dirname(options.dbPath), 'secrets.json'))

  const writeLog = (format: LogFormat, out: Writable, filter?: ReportFilter) => writeDecisionLog(db, format, out, filter)
  const reportContext = (): ReportContext => ({ db, policy, likelyThreshold, now: now(), printToPdf: options.printToPdf })
  const jobs = createJobs()
  const uploads = createUploads()

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
    counts: () => queueCounts(db, likelyThreshold),
    queuePage: (input) => queuePage(db, { ...input, likelyThreshold }),
    count: ({ filter }) => countMatching(db, filter, likelyThreshold),
    histogram: ({ filter, attribute, buckets }) => scoreHistogram(db, filter, attribute ?? null, buckets, likelyThreshold),
    decide: ({ keys, filter, ...rest }) =>
      decide(db, policy, actor, { target: keys ? { keys } : { filter: filter! }, ...rest }, now(), likelyThreshold),
    escalate: ({ keys, filter, note }) => ({
      escalated: escalateComments(db, actor, keys ? { keys } : { filter: filter! }, note, now(), likelyThreshold)
    }),
    undo: () => undoLast(db, actor, now()),
    redo: () => redoLast(db, actor, now()),
    commentDetail: ({ key }) => commentDetail(db, key),
    uploadBegin: ({ name }) => ({ uploadId: uploads.begin(name) }),
    uploadChunk: ({ uploadId, data }) => ({ bytes: uploads.append(uploadId, data) }),
    importUpload: ({ uploadId, format }) => {
      const path = uploads.path(uploadId)
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
    reportOptions: () => reportOptions(db),
    reportPreview: ({ filter }) => reportPreview(reportContext(), filter),
    exportReport: async ({ filter, format }) => {
      const file = await createReport(reportContext(), filter, format)
      return format === 'pdf'
        ? { filename: file.filename, mime: file.mime, content: file.content.toString('base64'), encoding: 'base64' }
        : { filename: file.filename, mime: file.mime, content: file.content.toString('utf8') }
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
    score: (scorerName, onProgress) =>
      scoreUnscored(db, createScorer(scorerName), { primary: scorerName === PRIMARY_SCORER, now, onProgress }),
    decideByIds(ids, action, { clause, note }) {
      const keys = ids.map((id) => resolveExternalId(db, id))
      return decide(db, policy, actor, { target: { keys }, action, clause, note }, now(), likelyThreshold)
    },
    writeDecisionLog: writeLog,
    report: (filter, format) => createReport(reportContext(), filter, format),
    writeReport: (filter, format, out) => writeStreamedReport(reportContext(), filter, format, out),
    auditTrail: (target) => auditTrail(db, target),
    close: () => {
      uploads.close()
      db.close()
    }
  }
  return engine
}
