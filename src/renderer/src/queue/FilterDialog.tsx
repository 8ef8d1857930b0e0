// `f`: the filters of the view, as a form. Article and author come from the comment under the cursor
// (their ids are what filters name them by); score, dates, source and word lists are typed or picked.
import { useState } from 'react'
import { ATTRIBUTES, type Attribute, type CommentRow } from '../../../shared/model'
import { Dialog } from '../Dialog'
import type { Conditions } from './useQueue'

interface FilterDialogProps {
  conditions: Conditions
  /** The comment under the cursor: "this article", "this author". */
  current: CommentRow | null
  sources: string[]
  onApply(conditions: Conditions): void
  onClose(): void
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text))

export function FilterDialog({ conditions, current, sources, onApply, onClose }: FilterDialogProps) {
  const [article, setArticle] = useState(conditions.article ?? '')
  const [author, setAuthor] = useState(conditions.author ?? '')
  const [source, setSource] = useState(conditions.source ?? '')
  const [attribute, setAttribute] = useState<Attribute | ''>(conditions.score?.attribute ?? '')
  const [scoreFrom, setScoreFrom] = useState(String(conditions.score?.gte ?? ''))
  const [scoreTo, setScoreTo] = useState(String(conditions.score?.lt ?? conditions.score?.lte ?? ''))
  const [since, setSince] = useState(conditions.since?.slice(0, 10) ?? '')
  const [until, setUntil] = useState(conditions.until?.slice(0, 10) ?? '')
  const [words, setWords] = useState(conditions.words ?? '')
  const [sync, setSync] = useState(conditions.sync ?? '')

  const from = number(scoreFrom)
  const to = number(scoreTo)
  const badScore = [from, to].some((value) => value !== undefined && !(value >= 0 && value <= 1))
  const apply = () => {
    if (badScore) return
    const next: Conditions = { ...(conditions.reports ? { reports: conditions.reports } : {}) }
    if (article) next.article = article
    if (author) next.author = author
    if (source) next.source = source
    if (from !== undefined || to !== undefined) {
      next.score = { ...(attribute ? { attribute } : {}), ...(from !== undefined ? { gte: from } : {}), ...(to !== undefined ? { lt: to } : {}) }
    }
    if (since) next.since = since
    if (until) next.until = until
    if (words) next.words = words as Conditions['words']
    if (sync) next.sync = sync as Conditions['sync']
    onApply(next)
  }

  return (
    <Dialog
      title="Filter the view"
      className="filters"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
          event.preventDefault()
          apply()
        }
      }}
    >
      <div className="form-grid">
        <label htmlFor="filter-article">Article id</label>
        <span>
          <input id="filter-article" value={article} onChange={(event) => setArticle(event.target.value)} />
          {current?.articleId && (
            <button type="button" onClick={() => setArticle(current.articleId!)} title={current.articleTitle ?? ''}>
              This comment's article
            </button>
          )}
        </span>
        <label htmlFor="filter-author">Author id</label>
        <span>
          <input id="filter-author" value={author} onChange={(event) => setAuthor(event.target.value)} />
          {current?.authorId && (
            <button type="button" onClick={() => setAuthor(current.authorId!)} title={current.authorName ?? ''}>
              This comment's author
            </button>
          )}
        </span>
        <label htmlFor="filter-source">Source</label>
        <select id="filter-source" value={source} onChange={(event) => setSource(event.target.value)}>
          <option value="">any</option>
          {sources.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        <label htmlFor="filter-attribute">Score</label>
        <span>
          <select id="filter-attribute" aria-label="Score of" value={attribute} onChange={(event) => setAttribute(event.target.value as Attribute | '')}>
            <option value="">strongest attribute</option>
            {ATTRIBUTES.map((name) => (
              <option key={name} value={name}>
                {name.toLowerCase().replace(/_/g, ' ')}
              </option>
            ))}
          </select>{' '}
          <input aria-label="Score from" size={5} placeholder="0" value={scoreFrom} onChange={(event) => setScoreFrom(event.target.value)} /> to{' '}
          <input aria-label="Score to" size={5} placeholder="1" value={scoreTo} onChange={(event) => setScoreTo(event.target.value)} />
        </span>
        <label htmlFor="filter-since">Written from</label>
        <span>
          <input id="filter-since" type="date" value={since} onChange={(event) => setSince(event.target.value)} /> before{' '}
          <input aria-label="Written before" type="date" value={until} onChange={(event) => setUntil(event.target.value)} />
        </span>
        <label htmlFor="filter-words">Word lists</label>
        <select id="filter-words" value={words} onChange={(event) => setWords(event.target.value)}>
          <option value="">not filtered</option>
          <option value="any">any match</option>
          <option value="banned">banned words</option>
          <option value="suspect">suspect words</option>
        </select>
        <label htmlFor="filter-sync">Sync state</label>
        <select id="filter-sync" value={sync} onChange={(event) => setSync(event.target.value)}>
          <option value="">not filtered</option>
          <option value="pending">pending</option>
          <option value="synced">synced</option>
          <option value="failed">failed</option>
          <option value="conflict">conflict</option>
        </select>
      </div>
      {badScore && <p className="problem">Scores run from 0 to 1.</p>}
      <div className="buttons">
        <button onClick={() => onApply({})}>Clear all</button>
        <button onClick={onClose}>Cancel (Esc)</button>
        <button className="primary" disabled={badScore} onClick={apply}>
          Apply (Enter)
        </button>
      </div>
    </Dialog>
  )
}
