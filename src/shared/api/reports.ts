// The reports slice of the contract: summaries with charts, the decision log, statements of reasons,
// and the audit trail of a comment or an author.
import { z } from 'zod'
import { auditTargetSchema, REPORT_FORMATS, reportFilterSchema, type AuditEntry, type ReportOptions, type ReportPreview } from '../reports'
import { nothing, query } from './contract'

export interface ExportedFile {
  filename: string
  mime: string
  content: string
  /** Binary files (PDF) come base64-encoded. */
  encoding?: 'base64'
}

/** A file on this machine, or `-` for the engine process's standard output (the command line's). */
const outPath = z.string().min(1).max(4096)
/** Seconds of reading at a million decisions: kept apart from the pages. */
const heavy = { heavy: true }

export const reportsCalls = {
  /** The sources, moderators and articles a report can be narrowed to. */
  reportOptions: query<ReportOptions>()(nothing),
  /** A report's summary numbers and charts (SVG), for the Reports screen's preview. */
  reportPreview: query<ReportPreview>()(z.object({ filter: reportFilterSchema }).strict(), heavy),
  /** A report as a file: summary (html, pdf), decision log (csv, json), statements of reasons (sor, notices). */
  exportReport: query<ExportedFile>()(z.object({ filter: reportFilterSchema, format: z.enum(REPORT_FORMATS) }).strict(), heavy),
  /** The whole decision log as a file. */
  exportLog: query<ExportedFile>()(z.object({ format: z.enum(['csv', 'json']) }).strict(), heavy),
  /**
   * Writes a report to a file (streamed where the format allows, so a long period never sits in memory);
   * a refused export leaves no half-made file. Without a filter: the whole decision log (csv, json).
   */
  writeReport: query<{ description: string }>()(
    z.object({ filter: reportFilterSchema.optional(), format: z.enum(REPORT_FORMATS), path: outPath }).strict(),
    { local: true, heavy: true }
  ),
  /** Every decision on one comment, or on all of one author's comments (ids as on their platform). */
  auditTrail: query<AuditEntry[]>()(auditTargetSchema),
  exportAuditTrail: query<ExportedFile>()(z.object({ target: auditTargetSchema, format: z.enum(['csv', 'json']) }).strict())
}
