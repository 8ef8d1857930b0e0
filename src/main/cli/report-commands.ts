// Reports from the command line: the decision log, summaries and statements of reasons for a period, audit trails.
import { resolve } from 'node:path'
import { type Command, Option } from 'commander'
import { UserError } from '../engine/errors'
import { writePrivateFile } from '../engine/private-files'
import { auditCsv, auditText } from '../engine/reports/audit'
import { describeShifts, parseShiftStarts, REPORT_FORMATS, reportFilterSchema, type AuditTarget, type ReportFilter, type ReportFormat } from '../../shared/reports'
import type { CliContext } from './context'

export function registerReportCommands(program: Command, cli: CliContext): void {
  program
    .command('export')
    .description('export the decision log')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', 'write here instead of standard output')
    .action(async (options: { format: 'csv' | 'json'; out?: string }) => {
      await cli.withClient((client) => client.call('writeReport', { format: options.format, path: options.out ? resolve(options.out) : '-' }))
    })

  program
    .command('report')
    .description('a moderation report for a period: summary (html, pdf), decision log (csv, json), statements of reasons (sor, notices)')
    .requiredOption('--from <date>', 'the first day, YYYY-MM-DD (UTC)')
    .requiredOption('--to <date>', 'the last day, YYYY-MM-DD (UTC), included')
    .option('--source <name>', 'only comments from this source')
    .option('--moderator <name>', 'only decisions by this moderator')
    .option('--article <id>', 'only comments on this article (its id on the platform)')
    .addOption(new Option('--format <format>', 'what to write').choices(REPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'the file to write')
    .addOption(new Option('--only-new', 'statements of reasons (sor): leave out those an earlier export wrote (the default)').conflicts('all'))
    .option('--all', 'statements of reasons (sor): write them all, the ones exported before too')
    .action(async (options: { from: string; to: string; source?: string; moderator?: string; article?: string; format: ReportFormat; out: string; all?: boolean }) => {
      const filter = reportFilter(options)
      const written = await cli.withClient((client) =>
        client.call('writeReport', { filter, format: options.format, path: resolve(options.out), all: options.all === true })
      )
      const [summary, ...leftOut] = written.description.split('\n')
      console.log(`${summary} Wrote ${options.out}.`)
      // Statements the database would refuse are left out of the file and listed; the exit code says so.
      if (leftOut.length) console.error(leftOut.join('\n'))
      if (written.refused > 0) process.exitCode = 1
    })

  program
    .command('shifts')
    .description("show the newsroom's shifts, which reports count by; with --set or --time-zone, change them (in a team: leads)")
    .option('--set <shifts>', 'each shift with its start on a 24-hour clock, e.g. "Early=06:00,Late=14:00,Night=22:00"')
    .option('--time-zone <zone>', 'the clock they start on, e.g. Asia/Kolkata')
    .action(async (options: { set?: string; timeZone?: string }) => {
      const shifts = await cli.withClient(async (client) => {
        const current = await client.call('shifts', {})
        if (options.set === undefined && options.timeZone === undefined) return current
        return client.call('saveShifts', { timeZone: options.timeZone ?? current.timeZone, shifts: options.set === undefined ? current.shifts : parseShiftStarts(options.set) })
      })
      console.log(describeShifts(shifts))
    })

  program
    .command('audit')
    .description('the audit trail of one comment or one author: every decision, by whom, when, clause and note')
    .option('--comment <id>', 'the comment (its id on the platform)')
    .option('--author <id>', 'the author (their id on the platform)')
    .addOption(new Option('--format <format>', 'how to print it').choices(['text', 'csv', 'json']).default('text'))
    .option('--out <file>', 'write here instead of standard output')
    .action(async (options: { comment?: string; author?: string; format: 'text' | 'csv' | 'json'; out?: string }) => {
      if ((options.comment === undefined) === (options.author === undefined)) throw new UserError('Name either --comment or --author.')
      const target: AuditTarget = options.comment !== undefined ? { comment: options.comment } : { author: options.author! }
      const entries = await cli.withClient((client) => client.call('auditTrail', target))
      const text = options.format === 'csv' ? auditCsv(entries) : options.format === 'json' ? JSON.stringify(entries, null, 2) + '\n' : auditText(entries)
      if (options.out) writePrivateFile(options.out, text)
      else process.stdout.write(text)
    })
}

function reportFilter(options: { from: string; to: string; source?: string; moderator?: string; article?: string }): ReportFilter {
  const parsed = reportFilterSchema.safeParse({ from: options.from, to: options.to, source: options.source, moderator: options.moderator, article: options.article })
  if (!parsed.success) throw new UserError(parsed.error.issues.map((issue) => `--${issue.path.join('.') || 'from/--to'}: ${issue.message}`).join('; '))
  return parsed.data
}
