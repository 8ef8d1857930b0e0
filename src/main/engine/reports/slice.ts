// Reports: summaries with charts (HTML, PDF), the decision log, statements of reasons, and the audit
// trail of a comment or an author.
import { Writable } from 'node:stream'
import { reportsCalls } from '../../../shared/api/reports'
import type { EngineContext } from '../context'
import { slice } from '../slice'
import { auditCsv, auditTrail } from './audit'
import { writeDecisionLog } from './decision-log'
import { createReport, reportPreview, type ReportContext } from './report'
import { reportOptions } from './store/report-options'
import { writeReportFile } from './write-report'
import { readShifts } from '../settings/store/shifts'

export const reportsSlice = slice('reports', reportsCalls, {
  queries: (context) => {
    const { db, now } = context
    return {
      reportOptions: () => reportOptions(db),
      reportPreview: ({ filter }) => reportPreview(reportContext(context), filter),
      exportLog: async ({ format }) => {
        const chunks: string[] = []
        await writeDecisionLog(db, format, collector(chunks))
        return {
          filename: `sieve-decisions-${now().toISOString().slice(0, 10)}.${format}`,
          mime: format === 'csv' ? 'text/csv' : 'application/json',
          content: chunks.join('')
        }
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
  },
  // Exports of statements of reasons are remembered (the next export leaves them out): they write.
  commands: (context) => ({
    exportReport: async ({ filter, format, all }) => {
      const file = await createReport(reportContext(context), filter, format, { all })
      return format === 'pdf'
        ? { filename: file.filename, mime: file.mime, content: file.content.toString('base64'), encoding: 'base64' as const }
        : { filename: file.filename, mime: file.mime, content: file.content.toString('utf8'), ...(format === 'sor' ? { note: file.description } : {}) }
    },
    writeReport: ({ filter, format, path, all }) => writeReportFile(reportContext(context), filter, format, path, { all })
  })
})

function reportContext(context: EngineContext): ReportContext {
  return {
    db: context.db,
    policy: context.policy,
    thresholds: context.scoringSettings().thresholds,
    shifts: readShifts(context.db),
    now: context.now(),
    printToPdf: context.options.printToPdf
  }
}

function collector(chunks: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    }
  })
}
