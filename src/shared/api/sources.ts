// The sources-and-sync slice of the contract: where comments come from (the demo, files, platforms such
// as WordPress) and how decisions go back to the platforms.
import { z } from 'zod'
import type { ConnectionTestResult, JobSnapshot, SourceInfo, SyncReport } from '../model'
import { command, event, nothing, query } from './contract'

export const FILE_FORMATS = ['ndjson', 'csv', 'wxr', 'disqus'] as const
export type FileFormat = (typeof FILE_FORMATS)[number]

const sourceName = z.string().min(1).max(100)

export const sourcesCalls = {
  /** Platform sources (WordPress sites) with their sync counts. */
  sources: query<SourceInfo[]>()(nothing),
  /**
   * Adds a WordPress site, or changes one (same name); the password goes to the secret store only. It may be
   * left out when changing a source that stays at the same origin, never when it moves to another.
   */
  addSource: command<SourceInfo[]>()(
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
  /** Forgets a source's connection and password; its comments and decisions stay (and decisions never pushed are counted). */
  removeSource: command<{ comments: number; unpushed: number }>()(z.object({ name: sourceName }).strict()),
  /** Tries a source's connection and says precisely what failed (DNS, TLS, 401, no REST API, role). */
  testSource: command<ConnectionTestResult>()(z.object({ name: sourceName }).strict()),
  /** Pulls one source, or every platform source, as a job. */
  pull: command<JobSnapshot>()(z.object({ source: sourceName.optional(), full: z.boolean().optional() }).strict()),
  /** The same, waiting for the end: what each source's pull did. */
  pullNow: command<PullResult[]>()(z.object({ source: sourceName.optional(), full: z.boolean().optional() }).strict(), {
    local: true
  }),
  /** Pushes every waiting decision now, without waiting out the grace period. */
  syncNow: command<SyncReport>()(nothing),
  /**
   * Pushes every waiting decision now, then keeps retrying transient failures (network, 429, 5xx) for up
   * to `waitMs`; with `retryFailed`, decisions the platform refused go back in line first. With `dueOnly`,
   * one round of what the background loop would push now (grace periods and backoffs respected).
   */
  sync: command<SyncReport>()(
    z
      .object({
        waitMs: z.number().int().min(0).max(86_400_000).default(60_000),
        retryFailed: z.boolean().default(false),
        dueOnly: z.boolean().default(false)
      })
      .strict(),
    { local: true }
  ),
  /** Puts decisions the platform refused back in line, then pushes. */
  retrySync: command<SyncReport>()(z.object({ source: sourceName.optional() }).strict()),
  /** Closes an article to new comments on its platform (a WordPress post: comment_status closed) and here. */
  closeArticle: command<{ source: string; title: string | null }>()(
    z.object({ articleId: z.string().min(1).max(256), source: sourceName.optional() }).strict()
  ),
  /** A file for import, sent in base64 chunks of at most 512 KiB, then imported as a job. */
  uploadBegin: command<{ uploadId: string }>()(z.object({ name: z.string().min(1).max(255) }).strict()),
  uploadChunk: command<{ bytes: number }>()(z.object({ uploadId: z.uuid(), data: z.base64().max(700_000) }).strict()),
  importUpload: command<JobSnapshot>()(z.object({ uploadId: z.uuid(), format: z.enum(FILE_FORMATS).optional() }).strict()),
  /** Imports a file on this machine, waiting for the end (and scores what landed when asked). */
  importFile: command<ImportFileReport>()(
    z
      .object({
        path: z.string().min(1).max(4096),
        format: z.enum(FILE_FORMATS).optional(),
        /** CSV only: fields mapped to header names; fields left out are guessed from the headers. */
        csvMapping: z.record(z.string().max(40), z.string().max(200)).optional(),
        source: z.string().trim().min(1).max(100).default('Imported file'),
        score: z.boolean().default(false)
      })
      .strict(),
    { local: true }
  ),
  /** Loads the bundled demo queue (again: it lands once). */
  loadDemo: command<ImportReport>()(nothing, { local: true })
}

export const sourcesEvents = {
  /** Decisions moved on their way to the platforms (pushed, refused, in conflict), or sources changed. */
  syncChanged: event<{ pending: number; failed: number; conflicts: number }>(),
  /** A sync that keeps trying (a site that is down) waits before its next try: for how long, and why. */
  syncWaiting: event<SyncWait>()
}

export interface SyncWait {
  /** How long it waits before the next try. */
  waitMs: number
  /** How much of the budget is left after that wait. */
  leftMs: number
  /** Decisions still waiting to be pushed. */
  waiting: number
  /** Why the first of them is waiting (the site's failure, in words), if it failed. */
  reason: string | null
}

/** A record of a file Sieve could not take in, where it was and why. */
export interface Rejection {
  line: number
  reason: string
}

/** A record that landed, but not quite as the file said: what Sieve assumed, and why. */
export interface ImportNote {
  line: number
  note: string
}

/** What every importer reports: how much landed, what was refused, and what landed on an assumption. */
export interface ImportReport {
  added: number
  updated: number
  unchanged: number
  rejected: Rejection[]
  notes: ImportNote[]
}

export interface ImportFileReport extends ImportReport {
  cancelled: boolean
  format: FileFormat
  /** CSV only: the columns that were used, guessed or given. */
  csvMapping?: Partial<Record<string, string>>
  /** Comments scored after the import (0 unless asked). */
  scored: number
}

/** A comment a pull could not take in (its HTML nests too deep, its text is too long), and why. */
export interface PullRejection {
  /** The comment's id on the platform. */
  id: string
  reason: string
}

export interface PullReport {
  added: number
  updated: number
  unchanged: number
  conflicts: number
  deleted: number
  requests: number
  /** True when cancelled midway; the next pull resumes. */
  interrupted: boolean
  /** Comments refused one by one; the rest landed and the cursor moved past them. */
  rejected: PullRejection[]
}

export interface PullResult {
  source: string
  report: PullReport
  /** The report in words, as the Sources screen shows it. */
  description: string
}
