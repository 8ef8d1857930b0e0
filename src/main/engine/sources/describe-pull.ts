// A pull's outcome in a sentence, for the CLI and the job message.
import type { PullReport } from './platform'

export function describePull(source: string, report: PullReport): string {
  const parts = [`${report.added} new`, `${report.updated} updated`, `${report.unchanged} unchanged`]
  if (report.conflicts) parts.push(`${report.conflicts} changed upstream after a decision here (conflicts)`)
  if (report.deleted) parts.push(`${report.deleted} deleted upstream`)
  if (report.rejected.length) parts.push(`${report.rejected.length} refused`)
  const tail = report.interrupted ? ' Interrupted: the next pull resumes where this one stopped.' : ''
  const refused = report.rejected.map(({ id, reason }) => `\ncomment ${id}: refused: ${reason}`).join('')
  const where = report.rejected.length ? '\nRefused comments stay as they are on the site: moderate them there.' : ''
  return `${source}: ${parts.join(', ')} (${report.requests} requests).${tail}${refused}${where}`
}
