// The reports slice of the contract: summaries with charts, the decision log, statements of reasons,
// and the audit trail of a comment or an author.
import { z } from 'zod'
import { auditTargetSchema, REPORT_FORMATS, reportFilterSchema, type AuditEntry, type ReportOptions, type ReportPreview } from '../reports'
import { command, nothing, query } from './contract'

export interface ExportedFile {
  filename: string
  mime: string
  content: string
  /** Binary files (PDF) come base64-encoded. */
  encoding?: 'base64'
  /** What an export of statements of reasons wrote and left out, in sentences. */
  note?: string
}

/** What a report written to a file holds (and, for statements of reasons, left out). */
export interface ReportWritten {
  description: string
  /** Statements of reasons left out because the Transparency Database would refuse them. */
  refused: number
}

/** A file on this machine, or `-` for the engine process's standard output (the command line's). */
const outPath = z.string().min(1).max(4096)
/** Seconds of reading at a million decisions: answered apart from the pages and the decisions. */
const heavy = { heavy: true }
/** Statements of reasons (sor) leave out the ones an earlier export wrote, unless `all`. */
const all = z.boolean().optional()

export const reportsCalls = {
  /** The sources, moderators and articles a report can be narrowed to. */
  reportOptions: query<ReportOptions>()(nothing),
  /** A report's summary numbers and charts (SVG), for the Reports screen's preview. */
  reportPreview: query<ReportPreview>()(z.object({ filter: reportFilterSchema }).strict(), heavy),
  /**
   * A report as a file: summary (html, pdf), decision log (csv, json), statements of reasons (sor, notices).
   * A command: an export of statements of reasons is remembered, so the next one leaves them out.
   */
  exportReport: command<ExportedFile>()(z.object({ filter: reportFilterSchema, format: z.enum(REPORT_FORMATS), all }).strict(), heavy),
  /** The whole decision log as a file. */
  exportLog: query<ExportedFile>()(z.object({ format: z.enum(['csv', 'json']) }).strict(), heavy),
  /**
   * Writes a report to a file (streamed where the format allows, so a long period never sits in memory);
   * a refused export leaves no half-made file. Without a filter: the whole decision log (csv, json).
   */
  writeReport: command<ReportWritten>()(
    z.object({ filter: reportFilterSchema.optional(), format: z.enum(REPORT_FORMATS), path: outPath, all }).strict(),
    { local: true, heavy: true }
  ),
  /** Every decision on one comment, or on all of one author's comments (ids as on their platform). */
  auditTrail: query<AuditEntry[]>()(auditTargetSchema),
  exportAuditTrail: query<ExportedFile>()(z.object({ target: auditTargetSchema, format: z.enum(['csv', 'json']) }).strict())
}
