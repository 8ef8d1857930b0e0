// The Reports screen: pick a period and optionally a source, moderator or article; see the summary's
// numbers and charts; export the summary (HTML, PDF), the decision log (CSV, JSON), the DSA statements
// of reasons and the notices to readers; look up the audit trail of a comment or an author.
import { useEffect, useState } from 'react'
import type { AuditTarget, ReportFilter, ReportFormat, ReportOptions, ReportPreview, StatementExports } from '../../../shared/reports'
import { client } from '../api'
import { Dialog } from '../Dialog'
import { AuditTrailTable } from './AuditTrail'
import { ShiftsTable } from './ShiftsTable'
import { downloadFile } from './download'
import './reports.css'

const EXPORTS: { format: ReportFormat; label: string; title: string }[] = [
  { format: 'html', label: 'Summary (HTML)', title: 'The summary with its charts, one file that opens offline' },
  { format: 'pdf', label: 'Summary (PDF)', title: 'The summary printed to A4' },
  { format: 'csv', label: 'Decision log (CSV)', title: 'One row per decision in the period' },
  { format: 'json', label: 'Decision log (JSON)', title: 'One entry per decision in the period' },
  { format: 'sor', label: 'Statements of reasons (DSA)', title: 'For the DSA Transparency Database, in batches of 100' },
  { format: 'notices', label: 'Notices to readers', title: 'The statement of reasons to send each reader, with their redress options' }
]

const today = () => new Date().toISOString().slice(0, 10)
function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - days)
  return date.toISOString().slice(0, 10)
}

function duration(seconds: number | null): string {
  if (seconds === null) return '—'
  if (seconds < 90) return `${Math.round(seconds)} s`
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`
  return `${(seconds / 86_400).toFixed(1)} days`
}

/** An SVG the engine drew, shown as an image: images run no script and need no inline-style permission. */
const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`

export function ReportsDialog({ onClose }: { onClose(): void }) {
  const [options, setOptions] = useState<ReportOptions | null>(null)
  const [filter, setFilter] = useState<ReportFilter>({ from: daysBefore(today(), 29), to: today() })
  const [preview, setPreview] = useState<ReportPreview | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<ReportFormat | null>(null)
  const [auditKind, setAuditKind] = useState<'comment' | 'author'>('comment')
  const [auditId, setAuditId] = useState('')
  const [auditTarget, setAuditTarget] = useState<AuditTarget | null>(null)
  const [repeatStatements, setRepeatStatements] = useState(false)
  const [statementNote, setStatementNote] = useState<string | null>(null)

  useEffect(() => {
    client.call('reportOptions', {}).then((loaded) => {
      setOptions(loaded)
      // Start on the last 30 days that have decisions, so the first preview shows something.
      if (loaded.lastDay) setFilter({ from: daysBefore(loaded.lastDay, 29), to: loaded.lastDay })
    }, (error: Error) => setProblem(error.message))
  }, [])

  useEffect(() => {
    if (filter.from > filter.to) return setProblem('The period must not end before it starts.')
    let current = true
    client.call('reportPreview', { filter }).then(
      (loaded) => {
        if (!current) return
        setPreview(loaded)
        setProblem(null)
      },
      (error: Error) => current && setProblem(error.message)
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter's fields: a new object with the same ones is the same period
  }, [filter.from, filter.to, filter.source, filter.moderator, filter.article])

  /** The preview again, after something it counts changed (statements sent, shifts changed). */
  const refreshPreview = () => client.call('reportPreview', { filter }).then(setPreview, (error: Error) => setProblem(error.message))

  const narrow = (field: 'source' | 'moderator' | 'article', value: string) => setFilter({ ...filter, [field]: value || undefined })

  const exportAs = async (format: ReportFormat) => {
    setBusy(format)
    setProblem(null)
    try {
      const file = await client.call('exportReport', format === 'sor' ? { filter, format, all: repeatStatements } : { filter, format })
      downloadFile(file)
      if (format === 'sor') {
        setStatementNote(file.note ?? null)
        // The counts of what went out have changed.
        await refreshPreview()
      }
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setBusy(null)
    }
  }

  const summary = preview?.summary
  return (
    <Dialog title="Reports" className="reports-dialog" onClose={onClose}>
      <div className="report-filter">
        <label>
          From <input type="date" value={filter.from} required onChange={(event) => event.target.value && setFilter({ ...filter, from: event.target.value })} />
        </label>
        <label>
          To <input type="date" value={filter.to} required onChange={(event) => event.target.value && setFilter({ ...filter, to: event.target.value })} />
        </label>
        <label>
          Source
          <select value={filter.source ?? ''} onChange={(event) => narrow('source', event.target.value)}>
            <option value="">All</option>
            {options?.sources.map((name) => <option key={name}>{name}</option>)}
          </select>
        </label>
        <label>
          Moderator
          <select value={filter.moderator ?? ''} onChange={(event) => narrow('moderator', event.target.value)}>
            <option value="">All</option>
            {options?.moderators.map((name) => <option key={name}>{name}</option>)}
          </select>
        </label>
        <label>
          Article
          <select value={filter.article ?? ''} onChange={(event) => narrow('article', event.target.value)}>
            <option value="">All</option>
            {options?.articles.map((article) => (
              <option key={article.id} value={article.id}>
                {(article.title ?? article.id).slice(0, 80)}
              </option>
            ))}
          </select>
        </label>
      </div>

      {problem && (
        <pre className="report-problem" role="alert">
          {problem}
        </pre>
      )}

      {summary && (
        <section className="report-preview" aria-label="Summary">
          {/* The headline is what stands; what was made and what was undone are shown apart. */}
          <div className="report-tiles">
            <Tile label="decisions standing" value={summary.standing.decisions} />
            <Tile label="approved" value={summary.standing.byAction.approve} />
            <Tile label="removed" value={summary.standing.byAction.remove} />
            <Tile label="disabled" value={summary.standing.byAction.disable} />
            <Tile label="re-enabled" value={summary.standing.byAction.enable} />
          </div>
          <div className="report-tiles secondary">
            <Tile label="decisions made" value={summary.decisions} />
            <Tile label={`undone (${(summary.undoRate * 100).toFixed(1)}%)`} value={summary.undone} />
            <Tile label="automated" value={summary.automated} />
            <Tile label="median time to decision" value={duration(summary.timeToDecision.medianSeconds)} />
            <Tile label="90th percentile" value={duration(summary.timeToDecision.p90Seconds)} />
          </div>
          <div className="report-charts">
            {preview.charts.map((chart) => (
              <figure key={chart.title}>
                <figcaption>{chart.title}</figcaption>
                <img src={svgSource(chart.svg)} alt={chart.title} />
              </figure>
            ))}
          </div>
          <h3>Moderators</h3>
          <table>
            <thead>
              <tr>
                <th>Moderator</th>
                <th className="num">Decisions</th>
                <th className="num">Removals</th>
                <th className="num">Automated</th>
                <th className="num">Per hour</th>
              </tr>
            </thead>
            <tbody>
              {summary.byModerator.map((row) => (
                <tr key={row.moderator}>
                  <td>{row.moderator}</td>
                  <td className="num">{row.decisions}</td>
                  <td className="num">{row.removals}</td>
                  <td className="num">{row.automated}</td>
                  <td className="num">{row.perHour}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShiftsTable summary={summary} onChanged={() => void refreshPreview()} />
        </section>
      )}

      <h3>Export</h3>
      <div className="buttons report-exports">
        {EXPORTS.map(({ format, label, title }) => (
          <button key={format} title={title} disabled={busy !== null} onClick={() => void exportAs(format)}>
            {busy === format ? 'Preparing…' : label}
          </button>
        ))}
      </div>
      {preview && (
        <p className="report-statements" aria-label="Statements of reasons">
          {statementsLine(preview.statements, repeatStatements)}{' '}
          {preview.statements.exported > 0 && (
            <label>
              <input type="checkbox" checked={repeatStatements} onChange={(event) => setRepeatStatements(event.target.checked)} /> Include those exported
              before
            </label>
          )}
        </p>
      )}
      {statementNote && (
        <pre className="report-note" role="status">
          {statementNote}
        </pre>
      )}

      <h3>Audit trail</h3>
      <form
        className="report-audit"
        onSubmit={(event) => {
          event.preventDefault()
          const id = auditId.trim()
          if (id) setAuditTarget(auditKind === 'comment' ? { comment: id } : { author: id })
        }}
      >
        <select value={auditKind} aria-label="Audit trail of" onChange={(event) => setAuditKind(event.target.value as 'comment' | 'author')}>
          <option value="comment">Comment id</option>
          <option value="author">Author id</option>
        </select>
        <input value={auditId} onChange={(event) => setAuditId(event.target.value)} placeholder="its id on the platform" aria-label="Id" />
        <button type="submit">Show</button>
      </form>
      {auditTarget && <AuditTrailTable target={auditTarget} />}

      <div className="buttons">
        <button onClick={onClose}>Close</button>
      </div>
    </Dialog>
  )
}

function Tile({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="report-tile">
      <b>{value}</b>
      <span>{label}</span>
    </div>
  )
}

/** The period's statements of reasons and what went out before: an export leaves those out unless asked. */
function statementsLine({ standing, exported, lastExportedAt }: StatementExports, repeat: boolean): string {
  const all = `${standing} statement${standing === 1 ? '' : 's'} of reasons in this period`
  if (exported === 0) return `${all}, none exported yet.`
  const when = lastExportedAt ? ` (last on ${lastExportedAt.slice(0, 16).replace('T', ' ')} UTC)` : ''
  const writes = repeat ? `all ${standing}` : `the ${standing - exported} not exported yet`
  return `${all}, ${exported === standing ? 'all' : exported} exported before${when}. The DSA export writes ${writes}.`
}
