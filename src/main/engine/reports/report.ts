// One entry point for every report format, used by the API (Reports screen) and the CLI alike.
import { Writable } from 'node:stream'
import type { Policy } from '../../../shared/model'
import type { ReportFilter, ReportFormat, ReportPreview, Shifts } from '../../../shared/reports'
import type { Thresholds } from '../../../shared/settings'
import { UserError } from '../errors'
import type { Db } from '../database/database'
import { summaryCharts } from './charts'
import { writeDecisionLog } from './decision-log'
import { buildNotices } from './notices'
import { printRequest, type PdfPrinter } from './pdf'
import { describeStatements, writeStatements } from './statements'
import { statementExports } from './store/statement-rows'
import { computeSummary } from './summary'
import { renderSummaryHtml } from './summary-html'

export interface ReportContext {
  db: Db
  policy: Policy
  /** Per-attribute thresholds: a score reaching one means software surfaced the comment. */
  thresholds: Thresholds
  /** The newsroom's shifts, which the summary counts by. */
  shifts: Shifts
  now: Date
  printToPdf?: PdfPrinter
}

export interface ReportFile {
  filename: string
  mime: string
  content: Buffer
  /** What it holds, in a sentence (the CLI prints it), and for statements of reasons what was left out. */
  description: string
  /** Statements of reasons left out because the database would refuse them. */
  refused: number
}

const MIME: Record<ReportFormat, string> = {
  html: 'text/html',
  pdf: 'application/pdf',
  csv: 'text/csv',
  json: 'application/json',
  sor: 'application/json',
  notices: 'text/plain'
}
const EXTENSION: Record<ReportFormat, string> = { html: 'html', pdf: 'pdf', csv: 'csv', json: 'json', sor: 'sor.json', notices: 'notices.txt' }

export function reportPreview({ db, policy, shifts, now }: ReportContext, filter: ReportFilter): ReportPreview {
  const summary = computeSummary(db, policy, filter, shifts, now)
  return { summary, charts: summaryCharts(summary), statements: statementExports(db, filter) }
}

export function summaryHtml(context: ReportContext, filter: ReportFilter): { html: string; preview: ReportPreview } {
  const preview = reportPreview(context, filter)
  return { html: renderSummaryHtml(preview.summary, preview.charts), preview }
}

/** For statements of reasons: repeat the ones an earlier export wrote (by default they are left out). */
export interface StatementChoice {
  all?: boolean
}

export async function createReport(context: ReportContext, filter: ReportFilter, format: ReportFormat, choice: StatementChoice = {}): Promise<ReportFile> {
  const file = (content: Buffer | string, description: string, refused = 0): ReportFile => ({
    filename: `sieve-${format === 'csv' || format === 'json' ? 'decisions' : format === 'sor' || format === 'notices' ? 'statements' : 'report'}-${filter.from}-to-${filter.to}.${EXTENSION[format]}`,
    mime: MIME[format],
    content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    description,
    refused
  })
  switch (format) {
    case 'html':
    case 'pdf': {
      const { html, preview } = summaryHtml(context, filter)
      const description = `Summary of ${preview.summary.decisions} decisions.`
      if (format === 'html') return file(html, description)
      if (!context.printToPdf) throw new UserError('PDF is not available here: no Chromium to print with. Save the HTML report and print it instead.')
      return file(await context.printToPdf(printRequest(preview.summary, html)), description)
    }
    case 'csv':
    case 'json':
    case 'sor': {
      // Held in memory for the API's answer; the CLI streams these to its file with writeStreamedReport.
      const chunks: Buffer[] = []
      const collect = new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          chunks.push(Buffer.from(chunk))
          done()
        }
      })
      const { description, refused } = await writeStreamedReport(context, filter, format, collect, choice)
      return file(Buffer.concat(chunks), description, refused)
    }
    case 'notices': {
      const { text, count } = buildNotices(context.db, context.policy, filter, context.thresholds)
      return file(text, `${count} statements of reasons to send to readers.`)
    }
  }
}

/** The formats that stream: the decision log and the statements of reasons, however long the period. */
export const STREAMED_FORMATS = ['csv', 'json', 'sor'] as const
export type StreamedFormat = (typeof STREAMED_FORMATS)[number]

export interface ReportWritten {
  /** What was written (and left out), in sentences. */
  description: string
  /** Statements of reasons left out because the database would refuse them. */
  refused: number
}

/** Writes a streamed format to `out` (left open for its owner to end); says what was written. */
export async function writeStreamedReport(
  context: ReportContext,
  filter: ReportFilter,
  format: StreamedFormat,
  out: Writable,
  { all = false }: StatementChoice = {}
): Promise<ReportWritten> {
  if (format === 'sor') {
    const written = await writeStatements(context.db, filter, { policy: context.policy, thresholds: context.thresholds }, out, { all, now: context.now })
    return { description: describeStatements(written), refused: written.failed }
  }
  await writeDecisionLog(context.db, format, out, filter)
  return { description: `Decision log (${format.toUpperCase()}).`, refused: 0 }
}
