// The summary's charts, drawn as SVG strings at generation time with Apache ECharts' server-side
// renderer (`ssr: true`). Why this library: it is maintained, it renders in Node with no DOM or canvas,
// its package answers `require` (the main process is bundled as CJS; Vega and most D3 packages are
// ESM-only), and the result is plain inline SVG, so the report opens offline, prints to PDF as vectors and
// carries no script. Text it draws (moderator names, clause titles) is XML-escaped by the renderer.
import type { EChartsOption } from 'echarts'
import type { ReportChart, ReportSummary } from '../../../shared/reports'

type ECharts = typeof import('echarts')

const WIDTH = 720
const HEIGHT = 300
const COLORS = { approve: '#2e7d32', remove: '#c62828', disable: '#ef6c00', enable: '#1565c0' }

let echartsModule: ECharts | undefined
function loadEcharts(): ECharts {
  // Loaded on first use: reports are rare and the library is large.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  echartsModule ??= require('echarts') as ECharts
  return echartsModule
}

/** One chart as a self-contained SVG string (the Scoring screen's learning curve draws with it too). */
export function render(option: EChartsOption, height = HEIGHT): string {
  const chart = loadEcharts().init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option })
    return chart.renderToSVGString()
  } finally {
    // A chart left undisposed keeps a timer alive and the process with it.
    chart.dispose()
  }
}

const ACTION_SERIES = ['approve', 'remove', 'disable', 'enable'] as const

export function summaryCharts(summary: ReportSummary): ReportChart[] {
  const charts: ReportChart[] = []
  if (summary.byDay.length) {
    charts.push({
      title: 'Decisions per day',
      svg: render({
        legend: { top: 0 },
        grid: { left: 50, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: summary.byDay.map((day) => day.day) },
        yAxis: { type: 'value', minInterval: 1 },
        series: ACTION_SERIES.map((action) => ({
          name: action,
          type: 'bar',
          stack: 'decisions',
          barMaxWidth: 48,
          color: COLORS[action],
          data: summary.byDay.map((day) => day[action])
        }))
      })
    })
  }
  if (summary.byClause.length) {
    const clauses = [...summary.byClause].reverse()
    charts.push({
      title: 'Removals per Terms-of-Use clause',
      svg: render(
        {
          grid: { left: 170, right: 40, top: 10, bottom: 30 },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: clauses.map((clause) => clause.title) },
          series: [{ type: 'bar', barMaxWidth: 24, color: COLORS.remove, data: clauses.map((clause) => clause.removals), label: { show: true, position: 'right' } }]
        },
        Math.max(120, 40 + clauses.length * 28)
      )
    })
  }
  if (summary.byModerator.length) {
    charts.push({
      title: 'Decisions per moderator',
      svg: render({
        legend: { top: 0 },
        grid: { left: 50, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', data: summary.byModerator.map((row) => row.moderator) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: 'removals', type: 'bar', barMaxWidth: 48, color: COLORS.remove, data: summary.byModerator.map((row) => row.removals) },
          { name: 'other decisions', type: 'bar', barMaxWidth: 48, color: COLORS.approve, data: summary.byModerator.map((row) => row.decisions - row.removals) }
        ]
      })
    })
  }
  charts.push({
    title: 'Scorer and moderators: decisions on comments scoring at least…',
    svg: render({
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: summary.scorerAgreement.map((band) => `≥ ${band.threshold}`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['approved', 'removed', 'disabled'] as const).map((outcome) => ({
        name: outcome,
        type: 'bar',
        barMaxWidth: 32,
        color: outcome === 'approved' ? COLORS.approve : outcome === 'removed' ? COLORS.remove : COLORS.disable,
        data: summary.scorerAgreement.map((band) => band[outcome])
      }))
    })
  })
  return charts
}
