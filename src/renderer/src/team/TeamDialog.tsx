// "Team database…": connect this desktop to a newsroom's shared queue on PostgreSQL, or leave it. The
// engine tries the login before it keeps anything; the password goes to the secret store, never to the
// address or the screen again. Connected, the app reopens on the team's queue (storeSwitched reloads).
import { useState } from 'react'
import type { Session } from '../../../shared/api/settings'
import { client } from '../api'
import { Dialog } from '../Dialog'
import './team.css'

export function TeamDialog({ session, onClose }: { session: Session; onClose(): void }) {
  const [url, setUrl] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const run = async (call: () => Promise<unknown>) => {
    setBusy(true)
    setProblem(null)
    try {
      await call()
    } catch (error) {
      setProblem((error as Error).message)
      setBusy(false)
    }
  }

  return (
    <Dialog title="Team database" className="team-dialog" onClose={busy ? undefined : onClose}>
      {session.storeProblem && (
        <p className="team-problem" role="alert">
          {session.storeProblem}{' '}
          <button type="button" className="link" disabled={busy} onClick={() => void run(() => client.call('leaveTeam', {}))}>
            Forget that team database
          </button>
        </p>
      )}
      {!session.canChooseStore ? (
        <p>Sieve was started with --db or SIEVE_DB, which names its database: start it without them to choose a team database here.</p>
      ) : session.team ? (
        <>
          <p>
            Working on the team database <b>{session.team.database}</b> as {session.moderator}
            {session.team.lead ? ', a lead' : ''}. Leaving it opens this desktop&apos;s own database again; the team&apos;s queue stays on the server.
          </p>
          <div className="buttons">
            <button type="button" disabled={busy} onClick={() => void run(() => client.call('leaveTeam', {}))}>
              {busy ? 'Leaving…' : 'Leave the team database'}
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form
          className="team-form"
          onSubmit={(event) => {
            event.preventDefault()
            void run(() => client.call('connectTeam', { url: url.trim(), password }))
          }}
        >
          <p>
            A newsroom&apos;s moderators share one queue on PostgreSQL. Your lead gives you the address and your login (<code>sieve team add-moderator</code>).
          </p>
          <label>
            Address
            <input value={url} onChange={(event) => setUrl(event.target.value)} placeholder="postgres://you@db.example.org:5432/newsroom" required autoFocus />
          </label>
          <label>
            Password
            <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="current-password" required />
          </label>
          <div className="buttons">
            <button type="submit" disabled={busy}>
              {busy ? 'Connecting…' : 'Connect'}
            </button>
            <button type="button" onClick={onClose} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {problem && (
        <pre className="team-problem" role="alert">
          {problem}
        </pre>
      )}
    </Dialog>
  )
}
