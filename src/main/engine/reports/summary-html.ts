// The summary report as one self-contained HTML file: inline CSS, charts as inline SVG, no script, no
// external resource, so it opens offline, prints the same, and is safe to mail around.
import { describeShifts, type ReportChart, type ReportSummary } from '../../../shared/reports'
import { escapeHtml, table } from './html'

export function describePeriod(summary: Pick<ReportSummary, 'filter'>): string {
  const { from, to, source, moderator, article } = summary.filter
  const narrowing = [source && `source ${source}`, moderator && `moderator ${moderator}`, article && `article ${article}`].filter(Boolean)
  return `${from} to ${to}${narrowing.length ? ` (${narrowing.join(', ')})` : ''}`
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—'
  if (seconds < 90) return `${Math.round(seconds)} s`
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`
  return `${(seconds / 86400).toFixed(1)} days`
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`

const STYLE = `
  body { font: 13px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 24px; }
  h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 24px 0 8px; break-after: avoid; }
  .meta { color: #555; margin: 0 0 16px; }
  .tiles { display: flex; flex-wrap: wrap; gap: 8px; }
  .tile { border: 1px solid #ccc; border-radius: 6px; padding: 8px 12px; min-width: 110px; }
  .tile b { display: block; font-size: 18px; }
  table { border-collapse: collapse; margin: 4px 0 8px; break-inside: auto; }
  th, td { border-bottom: 1px solid #ddd; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  figure { margin: 8px 0 16px; break-inside: avoid; } figcaption { font-weight: 600; margin-bottom: 4px; }
  svg { max-width: 100%; height: auto; }
  .note { color: #555; font-size: 12px; }
`

function tile(label: string, value: string | number): string {
  return `<div class="tile"><b>${escapeHtml(value)}</b>${escapeHtml(label)}</div>`
}

export function renderSummaryHtml(summary: ReportSummary, charts: ReportChart[]): string {
  const s = summary
  const title = `Moderation report: ${describePeriod(s)}`
  const figures = charts
    // The SVG comes from the chart renderer, which escapes the text it draws.
    .map((chart) => `<figure><figcaption>${escapeHtml(chart.title)}</figcaption>${chart.svg}</figure>`)
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(s.publisher)}: moderation report</h1>
<p class="meta">Period ${escapeHtml(describePeriod(s))} · generated ${escapeHtml(s.generatedAt)}</p>
<div class="tiles">
${tile('decisions standing', s.standing.decisions)}${tile('approved', s.standing.byAction.approve)}${tile('removed', s.standing.byAction.remove)}${tile('disabled', s.standing.byAction.disable)}${tile('re-enabled', s.standing.byAction.enable)}
${tile('decisions made', s.decisions)}${tile(`undone (${percent(s.undoRate)})`, s.undone)}${tile('by people', s.human)}${tile('automated', s.automated)}
${tile('median time to decision', formatDuration(s.timeToDecision.medianSeconds))}${tile('90th percentile', formatDuration(s.timeToDecision.p90Seconds))}
</div>
<p class="note">The first row counts what stands: the decisions of the period not undone since. Decisions made counts each one made, undone or not.</p>
${figures}
<h2>Removals by Terms-of-Use clause</h2>
${table(['Clause', 'Code', 'Removals'], s.byClause.map((c) => [c.title, c.code, c.removals]), [2])}
<h2>Moderators</h2>
${table(
  ['Moderator', 'Decisions', 'Actions', 'Removals', 'Automated', 'Active hours', 'Decisions per hour'],
  s.byModerator.map((m) => [m.moderator, m.decisions, m.actions, m.removals, m.automated, m.activeHours, m.perHour]),
  [1, 2, 3, 4, 5, 6]
)}
<p class="note">An action is one key press or one bulk action. Active hours add up the gaps between a moderator's actions, a pause over 15 minutes starting a new stretch that is credited one minute.</p>
<h2>Articles with the most decisions</h2>
${table(['Article', 'Id', 'Decisions', 'Removals'], s.byArticle.map((a) => [a.title, a.id, a.decisions, a.removals]), [2, 3])}
<h2>Decisions per day</h2>
${table(['Day', 'Approved', 'Removed', 'Disabled', 'Re-enabled'], s.byDay.map((d) => [d.day, d.approve, d.remove, d.disable, d.enable]), [1, 2, 3, 4])}
<h2>Decisions per shift</h2>
${table(
  ['Day', 'Shift', 'Decisions', 'Removals', 'Moderators'],
  s.byShift.map((shift) => [shift.day, shift.shift, shift.decisions, shift.removals, shift.moderators.join(', ')]),
  [2, 3]
)}
<p class="note">${escapeHtml(describeShifts(s.shifts))}</p>
<h2>Scorer and moderators</h2>
${table(
  ['Strongest score at least', 'Approved', 'Removed', 'Disabled'],
  s.scorerAgreement.map((band) => [band.threshold, band.approved, band.removed, band.disabled]),
  [1, 2, 3]
)}
<p class="note">Decisions still standing (not undone), by the strongest score the comment had when it was decided. Approvals of high-scoring comments are where the scorer and the moderators disagree.</p>
<p class="note">Time to decision: from the comment's posting to each decision on it, over ${escapeHtml(s.timeToDecision.measured)} decisions whose comment has a posting time.</p>
</body></html>
`
}
