// The local model's lineage on the Scoring screen: every retraining (kept or not) with the decisions it
// learned from and held-back ROC-AUC before and after, as a learning curve drawn by the engine and as a
// table, which is what a screen reader reads (the chart's alt text says so).
import { useEffect, useState } from 'react'
import type { ModelLineage as Lineage } from '../../../shared/api/scoring'
import { client } from '../api'
import { useEngineEvent } from '../engine-events'

const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
const auc = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3))

export function ModelLineage() {
  const [lineage, setLineage] = useState<Lineage | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    void client.call('modelLineage', { chart: true }).then(setLineage)
  }, [version])
  // A retraining that ends, here or started by the engine itself, adds a row.
  useEngineEvent('jobChanged', (job) => job.kind === 'retraining' && job.state !== 'running' && setVersion((n) => n + 1))
  if (!lineage) return null
  const { entries, chart, decisionsSince, retrainEvery } = lineage
  return (
    <div className="lineage">
      <p className="muted">
        {decisionsSince.toLocaleString()} approvals and removals since the last retraining; Sieve retrains after every {retrainEvery.toLocaleString()}.
      </p>
      {chart && <img className="learning-curve" src={svgSource(chart)} alt="Learning curve: held-back ROC-AUC by decisions learned from (the table below has the figures)" />}
      {entries.length === 0 ? (
        <p className="muted">The local model has not been retrained on this newsroom's decisions yet.</p>
      ) : (
        <table>
          <caption>Model lineage</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Model</th>
              <th scope="col">Decisions learned from</th>
              <th scope="col">Held-back ROC-AUC before</th>
              <th scope="col">After</th>
              <th scope="col">Kept</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((entry) => (
              <tr key={entry.id}>
                <td>{new Date(entry.trainedAt).toLocaleString()}</td>
                <td>{entry.version}</td>
                <td>{entry.decisions.toLocaleString()}</td>
                <td>{auc(entry.aucBefore)}</td>
                <td>{auc(entry.aucAfter)}</td>
                <td>{entry.kept ? 'kept' : 'not kept'}</td>
                <td>{entry.startedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
