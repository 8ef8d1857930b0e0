// Every scorer with its state in a sentence; a cloud scorer takes its key here (it is never shown back)
// and can score the queue on demand.
import { useEffect, useState } from 'react'
import type { JobSnapshot, ScorerInfo } from '../../../shared/model'
import { client } from '../api'

interface ScorerListProps {
  /** Runs a job to its end, showing its progress (shared with the rest of the scoring screen). */
  follow(started: Promise<JobSnapshot>): Promise<unknown>
  busy: boolean
  onError(message: string): void
}

export function ScorerList({ follow, busy, onError }: ScorerListProps) {
  const [scorers, setScorers] = useState<ScorerInfo[]>([])
  const [keys, setKeys] = useState<Record<string, string>>({})
  const [keptWhere, setKeptWhere] = useState('')
  const reload = () => void client.call('scorers', {}).then(setScorers)
  useEffect(reload, [])
  useEffect(() => void client.call('secretStorage', {}).then(({ location }) => setKeptWhere(location)), [])
  const attempt = (run: () => Promise<unknown>) => run().then(reload, (error: Error) => (onError(error.message), reload()))

  return (
    <table className="scorers">
      <caption className="secret-storage">{keptWhere}</caption>
      <tbody>
        {scorers.map((scorer) => (
          <tr key={scorer.name} data-scorer={scorer.name}>
            <th scope="row">
              {scorer.label}
              <div className={`state ${scorer.state}`}>{scorer.state}</div>
            </th>
            <td>
              <p>{scorer.detail}</p>
              {scorer.remote && (
                <form
                  onSubmit={(event) => {
                    event.preventDefault()
                    const key = keys[scorer.name]?.trim()
                    if (!key) return
                    setKeys({ ...keys, [scorer.name]: '' })
                    void attempt(() => client.call('configureScorer', { name: scorer.name, key }))
                  }}
                >
                  <input
                    type="password"
                    autoComplete="off"
                    aria-label={`${scorer.label} API key`}
                    placeholder={scorer.hasKey ? 'a key is stored; type to replace it' : 'API key'}
                    value={keys[scorer.name] ?? ''}
                    onChange={(event) => setKeys({ ...keys, [scorer.name]: event.target.value })}
                  />{' '}
                  <button type="submit">Save key</button>
                </form>
              )}
            </td>
            <td>
              <button
                disabled={busy || scorer.state !== 'ready'}
                onClick={() => void attempt(() => follow(client.call('startScoring', { scorer: scorer.name })))}
                title="Score every comment this scorer has not scored yet"
              >
                Score now
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
