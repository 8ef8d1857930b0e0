// The audit trail of one comment or author: every decision, who made it and when, under which clause,
// with which note, by hand or by a rule; exportable as CSV or JSON. All values are rendered as text.
import { useEffect, useState } from 'react'
import type { AuditEntry, AuditTarget } from '../../../shared/reports'
import { client } from '../api'
import { Dialog } from '../Dialog'
import { downloadFile } from './download'

export function AuditTrailTable({ target }: { target: AuditTarget }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    setEntries(null)
    setProblem(null)
    client.call('auditTrail', target).then(setEntries, (error: Error) => setProblem(error.message))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the target's fields: a new object naming the same comment is the same trail
  }, [target.comment, target.author])

  const download = (format: 'csv' | 'json') =>
    client.call('exportAuditTrail', { target, format }).then(downloadFile, (error: Error) => setProblem(error.message))

  if (problem) return <p role="alert">{problem}</p>
  if (!entries) return <p className="muted">Loading…</p>
  return (
    <div className="audit-trail">
      {entries.length === 0 ? (
        <p className="muted">No decisions yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Comment</th>
              <th>Action</th>
              <th>Clause</th>
              <th>Note</th>
              <th>Moderator</th>
              <th>Machine</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.decisionId}>
                <td>{entry.decidedAt.replace('T', ' ').slice(0, 19)}</td>
                <td>{entry.commentId}</td>
                <td>
                  {entry.action} ({entry.statusBefore} → {entry.statusAfter})
                </td>
                <td>{entry.clauseTitle ?? entry.clause ?? ''}</td>
                <td>{entry.note ?? ''}</td>
                <td>
                  {entry.moderator}
                  {entry.automated ? ' (automated)' : ''}
                </td>
                <td>{entry.machine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="buttons">
        <button onClick={() => void download('csv')}>Export CSV</button>
        <button onClick={() => void download('json')}>Export JSON</button>
      </div>
    </div>
  )
}

export function AuditTrailDialog({ target, onClose }: { target: AuditTarget; onClose(): void }) {
  const title = target.comment !== undefined ? `Audit trail of comment ${target.comment}` : `Audit trail of author ${target.author}`
  return (
    <Dialog title={title} className="reports-dialog" onClose={onClose}>
      <AuditTrailTable target={target} />
      <div className="buttons">
        <button onClick={onClose}>Close</button>
      </div>
    </Dialog>
  )
}
