// THE contract between the UI and the engine. Each call is declared once: its name, the schema its
// input must pass (checked on the engine side, always) and its result type. The IPC and HTTP transports,
// the renderer's client and the tests are generic over this object.
import { z } from 'zod'
import { filterSchema } from './filter'
import {
  keymapSettingSchema,
  savedViewsSchema,
  scoringSettingsSchema,
  tableLayoutSchema,
  type KeymapSetting,
  type SavedView,
  type ScoringSettings,
  type TableLayout
} from './settings'
import {
  ACTIONS,
  ATTRIBUTES,
  SORTS,
  type CommentDetail,
  type ConnectionTestResult,
  type DecisionResult,
  type JobSnapshot,
  type Policy,
  type QueueCounts,
  type QueuePage,
  type ScorerInfo,
  type SourceInfo,
  type SyncReport,
  type UndoResult
} from './model'
import {
  auditTargetSchema,
  REPORT_FORMATS,
  reportFilterSchema,
  type AuditEntry,
  type ReportOptions,
  type ReportPreview
} from './reports'

/** Declares a call whose result is R and whose input must pass `input`. */
const call =
  <R>() =>
  <S extends z.ZodType>(input: S) => ({ input, result: null as unknown as R })

const nothing = z.object({}).strict()

export interface Session {
  moderator: string
  machine: string
  version: string
}

export interface ExportedFile {
  filename: string
  mime: string
  content: string
  /** Binary files (PDF) come base64-encoded. */
  encoding?: 'base64'
  /** What an export of statements of reasons wrote and left out, in sentences. */
  note?: string
}

export const api = {
  session: call<Session>()(nothing),
  keymap: call<KeymapSetting>()(nothing),
  saveKeymap: call<KeymapSetting>()(keymapSettingSchema),
  tableLayout: call<TableLayout>()(nothing),
  saveTableLayout: call<TableLayout>()(tableLayoutSchema),
  policy: call<Policy>()(nothing),
  counts: call<QueueCounts>()(nothing),
  queuePage: call<QueuePage>()(
    z
      .object({
        filter: filterSchema,
        sort: z.enum(SORTS).default('priority'),
        after: z.string().max(200).nullable().default(null),
        limit: z.number().int().min(1).max(500).default(100)
      })
      .strict()
  ),
  /** How the comments a filter matches spread over equal score bands (strongest attribute, or one). */
  histogram: call<number[]>()(
    z
      .object({ filter: filterSchema, attribute: z.enum(ATTRIBUTES).optional(), buckets: z.number().int().min(2).max(100).default(20) })
      .strict()
  ),
  /** How many comments a filter matches: what a bulk action over it would touch. */
  count: call<number>()(z.object({ filter: filterSchema }).strict()),
  /** Decides on the comments named by `keys`, or on every comment `filter` matches, in one transaction. */
  decide: call<DecisionResult>()(
    z
      .object({
        keys: z.array(z.number().int().positive()).min(1).max(10_000).optional(),
        filter: filterSchema.optional(),
        action: z.enum(ACTIONS),
        clause: z.string().max(64).optional(),
        note: z.string().max(4000).optional()
      })
      .strict()
      .refine((input) => (input.keys === undefined) !== (input.filter === undefined), 'give either keys or a filter')
  ),
  /** Asks for a second opinion on comments, with a note; they show in the Escalated queue until decided. */
  escalate: call<{ escalated: number }>()(
    z
      .object({
        keys: z.array(z.number().int().positive()).min(1).max(10_000).optional(),
        filter: filterSchema.optional(),
        note: z.string().min(1).max(4000)
      })
      .strict()
      .refine((input) => (input.keys === undefined) !== (input.filter === undefined), 'give either keys or a filter')
  ),
  undo: call<UndoResult>()(nothing),
  /** Redoes the latest undo (until a fresh decision is made). */
  redo: call<UndoResult>()(nothing),
  /** One comment with its thread, article, author's record, every scorer's scores and its history. */
  commentDetail: call<CommentDetail>()(z.object({ key: z.number().int().positive() }).strict()),
  /** A file for import, sent in base64 chunks of at most 512 KiB, then imported as a job. */
  uploadBegin: call<{ uploadId: string }>()(z.object({ name: z.string().min(1).max(255) }).strict()),
  uploadChunk: call<{ bytes: number }>()(z.object({ uploadId: z.uuid(), data: z.base64().max(700_000) }).strict()),
  importUpload: call<JobSnapshot>()(
    z.object({ uploadId: z.uuid(), format: z.enum(['ndjson', 'csv', 'wxr', 'disqus']).optional() }).strict()
  ),
  job: call<JobSnapshot>()(z.object({ jobId: z.number().int().positive() }).strict()),
  cancelJob: call<JobSnapshot>()(z.object({ jobId: z.number().int().positive() }).strict()),
  savedViews: call<SavedView[]>()(nothing),
  saveSavedViews: call<SavedView[]>()(savedViewsSchema),
  scoringSettings: call<ScoringSettings>()(nothing),
  /** Saves thresholds, word lists and rules, then re-checks every comment against them: a job. */
  saveScoringSettings: call<JobSnapshot>()(scoringSettingsSchema),
  /** Refits the local model on this newsroom's decisions, then rescores with it if it was kept: a job. */
  learn: call<JobSnapshot>()(nothing),
  /** Every scorer: whether it can score now (and why not, in a sentence), its attributes and settings. */
  scorers: call<ScorerInfo[]>()(nothing),
  /** Changes a scorer's settings (merged over the stored ones) and/or its API key (null forgets it). */
  configureScorer: call<ScorerInfo>()(
    z
      .object({
        name: z.string().min(1).max(64),
        settings: z.record(z.string(), z.unknown()).default({}),
        key: z.string().min(1).max(1000).nullable().optional()
      })
      .strict()
  ),
  /** Scores every comment the named scorer has not scored yet, as a job (one per scorer at a time). */
  startScoring: call<JobSnapshot>()(z.object({ scorer: z.string().min(1).max(64) }).strict()),
  /** Where API keys and site passwords are kept (the OS keychain, or a file only the user can read), in a sentence. */
  secretStorage: call<{ location: string }>()(nothing),
  /** Platform sources (WordPress sites) with their sync counts. */
  sources: call<SourceInfo[]>()(nothing),
  /**
   * Adds a WordPress site, or changes one (same name); the password goes to the secret store only. It may be
   * left out when changing a source that stays at the same origin, never when it moves to another.
   */
  addSource: call<SourceInfo[]>()(
    z
      .object({
        kind: z.literal('wordpress'),
        name: z.string().trim().min(1).max(100),
        url: z.url({ protocol: /^https?$/ }).max(2000),
        user: z.string().min(1).max(200),
        password: z.string().min(1).max(500).optional(),
        approvedWindowDays: z.number().positive().max(3650).optional()
      })
      .strict()
  ),
  removeSource: call<SourceInfo[]>()(z.object({ name: z.string().min(1).max(100) }).strict()),
  /** Tries a source's connection and says precisely what failed (DNS, TLS, 401, no REST API, role). */
  testSource: call<ConnectionTestResult>()(z.object({ name: z.string().min(1).max(100) }).strict()),
  /** Pulls one source, or every platform source, as a job. */
  pull: call<JobSnapshot>()(z.object({ source: z.string().min(1).max(100).optional(), full: z.boolean().optional() }).strict()),
  /** Pushes every waiting decision now, without waiting out the grace period. */
  syncNow: call<SyncReport>()(nothing),
  /** Closes an article to new comments on its platform (a WordPress post: comment_status closed) and here. */
  closeArticle: call<{ source: string; title: string | null }>()(
    z.object({ articleId: z.string().min(1).max(256), source: z.string().min(1).max(100).optional() }).strict()
  ),
  /** Puts decisions the platform refused back in line, then pushes. */
  retrySync: call<SyncReport>()(z.object({ source: z.string().min(1).max(100).optional() }).strict())
,
  exportLog: call<ExportedFile>()(z.object({ format: z.enum(['csv', 'json']) }).strict()),
  /** The sources, moderators and articles a report can be narrowed to. */
  reportOptions: call<ReportOptions>()(nothing),
  /** A report's summary numbers and charts (SVG), for the Reports screen's preview. */
  reportPreview: call<ReportPreview>()(z.object({ filter: reportFilterSchema }).strict()),
  /**
   * A report as a file: summary (html, pdf), decision log (csv, json), statements of reasons (sor, notices).
   * Statements of reasons (sor) leave out the ones an earlier export wrote, unless `all`.
   */
  exportReport: call<ExportedFile>()(z.object({ filter: reportFilterSchema, format: z.enum(REPORT_FORMATS), all: z.boolean().optional() }).strict()),
  /** Every decision on one comment, or on all of one author's comments (ids as on their platform). */
  auditTrail: call<AuditEntry[]>()(auditTargetSchema),
  exportAuditTrail: call<ExportedFile>()(z.object({ target: auditTargetSchema, format: z.enum(['csv', 'json']) }).strict())
}

export type Api = typeof api
export type CallName = keyof Api
/** What a caller passes (defaults may be left out). */
export type CallInput<N extends CallName> = z.input<Api[N]['input']>
/** What a handler receives, after validation and defaults. */
export type ParsedInput<N extends CallName> = z.output<Api[N]['input']>
export type CallResult<N extends CallName> = Api[N]['result']

export type Handlers = {
  [N in CallName]: (input: ParsedInput<N>) => CallResult<N> | Promise<CallResult<N>>
}

/** Every transport answers in this shape, so errors cross process boundaries as data. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string }

export interface Client {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>>
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(api, name)
}
