// What a moderation report covers and what its summary says. Shared by the engine, the CLI and the
// Reports screen. No Node, no DOM.
import { z } from 'zod'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')

/** The period (whole UTC days, both ends included) and the optional narrowing of a report. */
export const reportFilterSchema = z
  .object({
    from: day,
    to: day,
    /** A source's name. */
    source: z.string().min(1).max(200).optional(),
    moderator: z.string().min(1).max(200).optional(),
    /** An article's id on its platform. */
    article: z.string().min(1).max(500).optional()
  })
  .strict()
  .refine((filter) => filter.from <= filter.to, 'the period must not end before it starts')
export type ReportFilter = z.output<typeof reportFilterSchema>

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a shift starts at HH:MM, on a 24-hour clock')

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** A newsroom's shifts: when each starts on its time zone's clock; each ends where the next one starts. */
export const shiftsSchema = z
  .object({
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'not a time zone: give an IANA name such as Asia/Kolkata, Europe/Berlin or UTC'),
    shifts: z
      .array(z.object({ name: z.string().trim().min(1).max(40), start: clock }).strict())
      .min(1)
      .max(8)
      .refine((shifts) => new Set(shifts.map((shift) => shift.start)).size === shifts.length, 'two shifts start at the same time')
      .refine((shifts) => new Set(shifts.map((shift) => shift.name)).size === shifts.length, 'two shifts have the same name')
  })
  .strict()
export type Shifts = z.output<typeof shiftsSchema>

export const DEFAULT_SHIFTS: Shifts = {
  timeZone: 'UTC',
  shifts: [
    { name: 'Early', start: '06:00' },
    { name: 'Late', start: '14:00' },
    { name: 'Night', start: '22:00' }
  ]
}

/**
 * "Early=06:00, Late=14:00" as shifts, as the command line and the Reports screen take them; a pair
 * without "=" keeps an empty start, for shiftsSchema to say what is wrong with it.
 */
export function parseShiftStarts(text: string): Shifts['shifts'] {
  return text
    .split(',')
    .filter((pair) => pair.trim())
    .map((pair) => {
      const at = pair.lastIndexOf('=')
      return at < 0 ? { name: pair.trim(), start: '' } : { name: pair.slice(0, at).trim(), start: pair.slice(at + 1).trim() }
    })
}

/** The shifts in a sentence, as reports print them under their table. */
export function describeShifts({ timeZone, shifts }: Shifts): string {
  const starts = [...shifts].sort((a, b) => a.start.localeCompare(b.start)).map((shift) => `${shift.name} from ${shift.start}`)
  return `Shifts on ${timeZone} time: ${starts.join(', ')}. A shift that runs past midnight counts on the day it began.`
}

export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json', 'sor', 'notices'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** The thresholds at which the summary compares the scorer with the moderators. */
export const AGREEMENT_THRESHOLDS = [0.5, 0.7, 0.9] as const

export interface ActionCounts {
  approve: number
  remove: number
  disable: number
  enable: number
}

export interface ReportSummary {
  publisher: string
  filter: ReportFilter
  generatedAt: string
  /** Decisions made (undo entries excluded; a decision later undone still counts here). */
  decisions: number
  byAction: ActionCounts
  /** What stands at the end: the decisions of the period not undone since. Headlines show these. */
  standing: { decisions: number; byAction: ActionCounts }
  /** Removals per Terms-of-Use clause, most first. */
  byClause: { code: string; title: string; removals: number }[]
  byModerator: { moderator: string; decisions: number; actions: number; removals: number; automated: number; activeHours: number; perHour: number }[]
  /** The articles with the most decisions (at most 20). */
  byArticle: { id: string; title: string | null; decisions: number; removals: number }[]
  byDay: ({ day: string } & ActionCounts)[]
  /** The shifts the report counted by, and per shift (the local day it began): decisions, removals and who worked. */
  shifts: Shifts
  byShift: { day: string; shift: string; decisions: number; removals: number; moderators: string[] }[]
  /** Seconds from a comment's posting to each decision on it (comments without a posting time left out). */
  timeToDecision: { measured: number; medianSeconds: number | null; p90Seconds: number | null }
  human: number
  automated: number
  /** Decisions later taken back with undo, and their share of all decisions. */
  undone: number
  undoRate: number
  /** Decisions still standing whose strongest score at decision time reached each threshold. */
  scorerAgreement: { threshold: number; approved: number; removed: number; disabled: number }[]
}

export interface ReportChart {
  title: string
  /** A self-contained SVG document, drawn at generation time. */
  svg: string
}

/** The period's statements of reasons (removals and disables still standing) and how many went out before. */
export interface StatementExports {
  standing: number
  exported: number
  /** When the latest export that wrote any of them ran. */
  lastExportedAt: string | null
}

export interface ReportPreview {
  summary: ReportSummary
  charts: ReportChart[]
  statements: StatementExports
}

export interface ReportOptions {
  sources: string[]
  moderators: string[]
  articles: { id: string; title: string | null }[]
  /** The first and last day with a decision, to start the period pickers from. */
  firstDay: string | null
  lastDay: string | null
}

/** One decision in the audit trail of a comment or an author. */
export interface AuditEntry {
  decisionId: number
  decidedAt: string
  commentId: string
  articleTitle: string | null
  authorName: string | null
  action: string
  statusBefore: string
  statusAfter: string
  clause: string | null
  clauseTitle: string | null
  note: string | null
  moderator: string
  machine: string
  automated: boolean
  rule: string | null
}

export const auditTargetSchema = z
  .object({ comment: z.string().min(1).max(500).optional(), author: z.string().min(1).max(500).optional() })
  .strict()
  .refine((target) => (target.comment === undefined) !== (target.author === undefined), 'name either a comment or an author')
export type AuditTarget = z.output<typeof auditTargetSchema>
