// A report written to a file on this machine (the command line's way): streamed where the format
// allows, so a long period never sits in memory whole; a failed export leaves no half-made file.
import { rmSync } from 'node:fs'
import type { Writable } from 'node:stream'
import type { ReportWritten } from '../../../shared/api'
import type { ReportFilter, ReportFormat } from '../../../shared/reports'
import { UserError } from '../errors'
import { privateWriteStream, writePrivateFile } from '../private-files'
import { writeDecisionLog } from './decision-log'
import { createReport, STREAMED_FORMATS, writeStreamedReport, type ReportContext, type StatementChoice, type StreamedFormat } from './report'

const isStreamed = (format: ReportFormat): format is StreamedFormat => (STREAMED_FORMATS as readonly string[]).includes(format)

/** `path` may be `-`: the process's standard output. Without a filter, the whole decision log. */
export async function writeReportFile(
  context: ReportContext,
  filter: ReportFilter | undefined,
  format: ReportFormat,
  path: string,
  choice: StatementChoice = {}
): Promise<ReportWritten> {
  if (!filter) {
    if (format !== 'csv' && format !== 'json') throw new UserError('Without a period, only the decision log can be written (csv or json).')
    await streamTo(path, (out) => writeDecisionLog(context.db, format, out))
    return { description: `Decision log (${format.toUpperCase()}).`, refused: 0 }
  }
  if (isStreamed(format)) return streamTo(path, (out) => writeStreamedReport(context, filter, format, out, choice))
  const file = await createReport(context, filter, format, choice)
  if (path === '-') process.stdout.write(file.content)
  else writePrivateFile(path, file.content)
  return { description: file.description, refused: file.refused }
}

async function streamTo<T>(path: string, write: (out: Writable) => Promise<T>): Promise<T> {
  if (path === '-') return write(process.stdout)
  const out = privateWriteStream(path)
  try {
    const result = await write(out)
    await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())))
    return result
  } catch (error) {
    out.destroy()
    rmSync(path, { force: true })
    throw error
  }
}
