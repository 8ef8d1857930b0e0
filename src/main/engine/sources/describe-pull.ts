// A pull's outcome in a sentence, for the CLI and the job message.
import type { PullReport } from './platform'

export function describePull(source: string, report: PullReport): string {
  const parts = [`${report.added} new`, `${report.updated} updated`, `${report.unchanged} unchanged`]
  if (report.conflicts) parts.push(`${report.conflicts} changed upstream after a decision here (conflicts)`)
  if (report.deleted) parts.push(`${report.deleted} deleted upstream`)
  const tail = report.interrupted ? ' Interrupted: the next pull resumes where this one stopped.' : ''
  return `${source}: ${parts.join(', ')} (${report.requests} requests).${tail}`
}
