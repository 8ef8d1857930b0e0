import type { Attribute, Scores } from '../../../shared/model'

export function strongest(scores: Scores): [Attribute, number] | null {
  let best: [Attribute, number] | null = null
  for (const [attribute, score] of Object.entries(scores) as [Attribute, number][]) {
    if (!best || score > best[1]) best = [attribute, score]
  }
  return best
}

const label = (attribute: Attribute) => attribute.toLowerCase().replace(/_/g, ' ')

/** The strongest attribute, as a bar a screen reader can read. */
export function ScoreBar({ scores }: { scores: Scores }) {
  const top = strongest(scores)
  if (!top) return <span className="muted">not scored</span>
  const [attribute, score] = top
  const percent = Math.round(score * 100)
  const band = score >= 0.7 ? 'high' : score >= 0.4 ? 'mid' : 'low'
  return (
    <div className="score" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={`${label(attribute)} ${percent}%`}>
      <div className={`score-bar ${band}`}>
        <div style={{ width: `${percent}%` }} />
      </div>
      <span className="score-label">
        {percent}% {score >= 0.1 ? label(attribute) : ''}
      </span>
    </div>
  )
}
