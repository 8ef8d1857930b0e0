// The detail pane: the whole comment with what drove its scores, its thread, its article, its author's
// record, every scorer's scores and its decision history. Everything from the comment is rendered as text.
import { useEffect, useState } from 'react'
import { SyncLine } from '../sources/SyncBadge'
import { CloseComments } from '../sources/CloseComments'
import { ATTRIBUTES, type CommentDetail, type RelatedComment } from '../../../shared/model'
import { client } from '../api'
import { age } from '../queue/age'
import { HighlightedText } from '../queue/HighlightedText'
import { SafeLink } from './SafeLink'
import type { AuditTarget } from '../../../shared/reports'
import { AuditTrailDialog } from '../reports/AuditTrail'

export function DetailPane({ commentKey, onClose }: { commentKey: number | null; onClose(): void }) {
  const [detail, setDetail] = useState<CommentDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [audit, setAudit] = useState<AuditTarget | null>(null)
  useEffect(() => {
    if (commentKey === null) return
    let current = true
    client
      .call('commentDetail', { key: commentKey })
      .then((loaded) => current && (setDetail(loaded), setError(null)))
      .catch((failure: Error) => current && setError(failure.message))
    return () => {
      current = false
    }
  }, [commentKey])

  if (commentKey === null) return null
  if (error) return <aside className="detail" aria-label="Comment detail">{error}</aside>
  if (!detail || detail.comment.key !== commentKey) return <aside className="detail" aria-label="Comment detail" aria-busy="true" />
  const { comment, article, author, parent, replies, scorers, history, escalation } = detail
  const signals = [...new Map(comment.spans.map((span) => [`${span.attribute}:${span.signal}`, span])).values()]

  return (
    <aside className="detail" aria-label="Comment detail">
      <header>
        <strong>{comment.authorName ?? 'Anonymous'}</strong> <span className="muted">{age(comment.createdAt)} · {comment.status}</span>
        <button className="close" onClick={onClose} title="Close (Esc)" aria-label="Close detail">
          ×
        </button>
      </header>
      <SyncLine sync={comment.sync} />
      {escalation && (
        <p className="escalation" role="note">
          Escalated by {escalation.moderator}: {escalation.note}
        </p>
      )}
      <p className="full-text">
        <HighlightedText text={comment.text} spans={comment.spans} words={comment.words} />
      </p>
      {comment.words.length > 0 && (
        <section>
          <h3>Word lists</h3>
          <ul className="signals">
            {comment.words.map((word) => (
              <li key={`${word.start}`}>
                <span className="attribute">{word.list} word</span> {word.word}
                {comment.text.slice(word.start, word.end).toLowerCase() !== word.word ? ` (written “${comment.text.slice(word.start, word.end)}”)` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {signals.length > 0 && (
        <section>
          <h3>Why it scored</h3>
          <ul className="signals">
            {signals.map((span) => (
              <li key={`${span.attribute}:${span.signal}`}>
                <span className="attribute">{span.attribute.toLowerCase().replace(/_/g, ' ')}</span> {span.signal}
              </li>
            ))}
          </ul>
        </section>
      )}
      {article && (
        <section>
          <h3>Article</h3>
          <SafeLink url={article.url}>{article.title ?? article.id}</SafeLink>
          {article.closable ? <CloseComments key={article.id} article={article} source={comment.sourceName} /> : !article.commentingOpen && <span className="muted"> · commenting closed</span>}
        </section>
      )}
      {(parent || replies.length > 0) && (
        <section>
          <h3>Thread</h3>
          {parent && <Related label="In reply to" comment={parent} />}
          {replies.map((reply) => (
            <Related key={reply.key} label="Reply" comment={reply} />
          ))}
        </section>
      )}
      {author && (
        <section>
          <h3>Author</h3>
          <p>
            {author.comments} comments here, {author.removed} removed
            {author.comments > 0 ? ` (${Math.round((author.removed / author.comments) * 100)}%)` : ''}
          </p>
          {author.recent.map((other) => (
            <Related key={other.key} label={other.status} comment={other} />
          ))}
          <button className="link" onClick={() => setAudit({ author: author.id })}>
            Audit trail of this author…
          </button>
        </section>
      )}
      <section>
        <h3>Scores</h3>
        {scorers.map((run) => (
          <table key={run.scorer} className="scores">
            <caption>
              {run.scorer} <span className="muted">{run.modelVersion}</span>
            </caption>
            <tbody>
              {ATTRIBUTES.map((attribute) => (
                <tr key={attribute}>
                  <td>{attribute.toLowerCase().replace(/_/g, ' ')}</td>
                  <td>{Math.round((run.scores[attribute] ?? 0) * 100)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>
      <section>
        <h3>Decisions</h3>
        {history.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ol className="history">
            {history.map((entry, index) => (
              <li key={index}>
                {entry.decidedAt.slice(0, 16).replace('T', ' ')} · {entry.moderator}
                {entry.automated ? ' (automated)' : ''} · {entry.action}
                {entry.clauseTitle ? ` · ${entry.clauseTitle}` : ''}
                {entry.note ? ` — ${entry.note}` : ''}
              </li>
            ))}
          </ol>
        )}
        <button className="link" onClick={() => setAudit({ comment: comment.id })}>
          Audit trail…
        </button>
      </section>
      {audit && <AuditTrailDialog target={audit} onClose={() => setAudit(null)} />}
    </aside>
  )
}

function Related({ label, comment }: { label: string; comment: RelatedComment }) {
  return (
    <div className="related">
      <span className="muted">
        {label} · {comment.authorName ?? 'Anonymous'} · {age(comment.createdAt)}
      </span>
      <p>{comment.text}</p>
    </div>
  )
}
