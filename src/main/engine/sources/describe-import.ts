import type { ImportReport } from './import-report'

const REJECTIONS_SHOWN = 20

/**
 * An import's outcome in words: what landed, what landed on an assumption, then the rejected records (the
 * first `shown` of each) with line and reason.
 */
export function describeImport(report: ImportReport & { cancelled?: boolean }, shown = REJECTIONS_SHOWN): string {
  const landed = report.added + report.updated + report.unchanged
  const lines = [
    `${landed} comments landed: ${report.added} new, ${report.updated} updated, ${report.unchanged} unchanged.` +
      (report.cancelled ? ' Cancelled: the rest of the file was not read.' : '')
  ]
  for (const { line, note } of report.notes.slice(0, shown)) lines.push(`line ${line}: ${note}`)
  if (report.notes.length > shown) lines.push(`… and ${report.notes.length - shown} more such lines.`)
  for (const { line, reason } of report.rejected.slice(0, shown)) lines.push(`line ${line}: rejected: ${reason}`)
  if (report.rejected.length > shown) lines.push(`… and ${report.rejected.length - shown} more rejected lines.`)
  if (report.rejected.length) lines.push(`${report.rejected.length} lines rejected.`)
  return lines.join('\n')
}
