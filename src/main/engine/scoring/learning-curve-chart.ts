// The model's learning curve for the Scoring screen: held-back ROC-AUC before and after each retraining,
// by how many decisions it learned from, drawn as SVG the way the reports draw theirs.
import type { ModelLineageEntry } from '../../../shared/api/scoring'
import { render } from '../reports/charts'

const HEIGHT = 220

/** Null until a retraining was checked on held-back decisions: an empty chart says nothing. */
export function learningCurveChart(entries: readonly ModelLineageEntry[]): string | null {
  const checked = entries.filter((entry) => entry.aucBefore !== null && entry.aucAfter !== null)
  if (checked.length === 0) return null
  const point = (entry: ModelLineageEntry, auc: number | null) => [entry.decisions, Number(auc!.toFixed(3))]
  return render(
    {
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 36, bottom: 40 },
      xAxis: { type: 'value', name: 'decisions learned from', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
      yAxis: { type: 'value', name: 'ROC-AUC', min: (range: { min: number }) => Math.max(0, Math.floor(range.min * 20) / 20), max: 1 },
      series: [
        { name: 'model before', type: 'line', color: '#9e9e9e', data: checked.map((entry) => point(entry, entry.aucBefore)) },
        {
          name: 'retrained',
          type: 'line',
          color: '#1565c0',
          data: checked.map((entry) => ({ value: point(entry, entry.aucAfter), symbol: entry.kept ? 'circle' : 'emptyCircle' }))
        }
      ]
    },
    HEIGHT
  )
}
