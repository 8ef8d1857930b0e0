// The Sources screen: WordPress sites Sieve pulls from and pushes decisions to. Add one (the password goes
// to the engine's secret store and is never shown again), test its connection, pull, push now, retry.
import { useEffect, useState } from 'react'
import type { SourceInfo, SyncReport } from '../../../shared/model'
import { client } from '../api'
import { Dialog } from '../Dialog'
import { followJob } from '../engine-events'

const EMPTY_FORM = { name: '', url: '', user: '', password: '' }

function describeSync(report: SyncReport): string {
  if (report.note) return report.note
  const lines = [`Synced ${report.synced}; failed ${report.failed}; conflicts ${report.conflicts}; retrying later ${report.retrying}.`]
  for (const problem of report.problems.slice(0, 5)) lines.push(`${problem.state} ${problem.id}: ${problem.error}`)
  return lines.join('\n')
}

export function SourcesDialog({ onClose }: { onClose(changed: boolean): void }) {
  const [sources, setSources] = useState<SourceInfo[] | null>(null)
  const [form, setForm] = useState(EMPTY_FORM)
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [changed, setChanged] = useState(false)
  const [keptWhere, setKeptWhere] = useState('')

  const refresh = () => client.call('sources', {}).then(setSources)
  useEffect(() => {
    refresh().catch((error: Error) => setMessage({ text: error.message, problem: true }))
    void client.call('secretStorage', {}).then(({ location }) => setKeptWhere(location))
  }, [])

  /** Runs one action with the dialog marked busy, and shows its outcome. */
  const act = async (label: string, work: () => Promise<{ text: string; problem: boolean }>) => {
    setBusy(label)
    setMessage(null)
    try {
      setMessage(await work())
    } catch (error) {
      setMessage({ text: (error as Error).message, problem: true })
    } finally {
      setBusy(null)
      await refresh().catch(() => undefined)
    }
  }

  const pull = (name: string) =>
    act(`Pulling ${name}…`, async () => {
      const job = await followJob(await client.call('pull', { source: name }), (running) =>
        setBusy(`Pulling ${name}… ${running.total ? `${running.done} of ${running.total}` : ''}`)
      )
      setChanged(true)
      return { text: job.message ?? job.state, problem: job.state !== 'done' }
    })

  return (
    <Dialog title="Sources" className="sources-dialog" onClose={busy ? undefined : () => onClose(changed)}>
      {sources?.length === 0 && <p className="muted">No WordPress site yet. Add one below.</p>}
      {sources && sources.length > 0 && (
        <table className="sources">
          <thead>
            <tr>
              <th>Name</th>
              <th>Site</th>
              <th>Comments</th>
              <th>Sync</th>
              <th>Last pulled</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.name}>
                <td>{source.name}</td>
                <td>
                  {source.url} <span className="muted">as {source.user}</span>
                  {!source.hasPassword && <span className="problem"> (password missing: add it again)</span>}
                </td>
                <td>{source.comments.toLocaleString()}</td>
                <td>
                  {source.pending} pending, <span className={source.failed ? 'problem' : ''}>{source.failed} failed</span>,{' '}
                  <span className={source.conflicts ? 'problem' : ''}>{source.conflicts} conflicts</span>
                </td>
                <td>
                  {source.lastPulledAt ? new Date(source.lastPulledAt).toLocaleString() : 'never'}
                  {source.lastPullRejected.length > 0 && (
                    <details className="pull-rejected">
                      <summary className="problem">
                        {source.lastPullRejected.length} {source.lastPullRejected.length === 1 ? 'comment' : 'comments'} refused: moderate on the site
                      </summary>
                      <ul>
                        {source.lastPullRejected.map(({ id, reason }) => (
                          <li key={id}>
                            comment {id}: {reason}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td className="actions">
                  <button
                    disabled={busy !== null}
                    onClick={() =>
                      void act(`Testing ${source.name}…`, async () => {
                        const result = await client.call('testSource', { name: source.name })
                        return { text: result.ok ? result.message : `Connection failed (${result.kind}): ${result.message}`, problem: !result.ok }
                      })
                    }
                  >
                    Test connection
                  </button>
                  <button disabled={busy !== null} onClick={() => void pull(source.name)}>
                    Pull
                  </button>
                  {source.failed > 0 && (
                    <button
                      disabled={busy !== null}
                      onClick={() =>
                        void act('Retrying…', async () => {
                          const report = await client.call('retrySync', { source: source.name })
                          setChanged(true)
                          return { text: describeSync(report), problem: report.failed + report.conflicts > 0 }
                        })
                      }
                    >
                      Retry failed
                    </button>
                  )}
                  <button
                    disabled={busy !== null}
                    onClick={() =>
                      void act(`Removing ${source.name}…`, async () => {
                        await client.call('removeSource', { name: source.name })
                        return { text: `Removed ${source.name}; its comments and decisions stay.`, problem: false }
                      })
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sources && sources.length > 0 && (
        <button
          disabled={busy !== null}
          onClick={() =>
            void act('Pushing…', async () => {
              const report = await client.call('syncNow', {})
              setChanged(true)
              return { text: describeSync(report), problem: report.failed + report.conflicts > 0 }
            })
          }
        >
          Sync now
        </button>
      )}
      <form
        className="add-source"
        onSubmit={(event) => {
          event.preventDefault()
          void act(`Adding ${form.name}…`, async () => {
            await client.call('addSource', { kind: 'wordpress', ...form })
            const result = await client.call('testSource', { name: form.name })
            setForm(EMPTY_FORM)
            return { text: result.ok ? result.message : `Saved, but the connection failed (${result.kind}): ${result.message}`, problem: !result.ok }
          })
        }}
      >
        <h3>Add a WordPress site</h3>
        <label>
          Name <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
        </label>
        <label>
          Site address <input type="url" placeholder="https://news.example" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} required />
        </label>
        <label>
          User <input value={form.user} autoComplete="off" onChange={(e) => setForm({ ...form, user: e.target.value })} required />
        </label>
        <label>
          Application password{' '}
          <input type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required />
        </label>
        <p className="muted secret-storage">{keptWhere}</p>
        <button type="submit" disabled={busy !== null}>
          Add and test
        </button>
      </form>
      <p className={`sources-message${message?.problem ? ' problem' : ''}`} role="status" aria-live="polite">
        {busy ?? message?.text ?? ''}
      </p>
      <button onClick={() => onClose(changed)} disabled={busy !== null}>
        Done
      </button>
    </Dialog>
  )
}
