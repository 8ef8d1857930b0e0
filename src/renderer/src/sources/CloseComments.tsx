// "Close comments" on an article from a platform: no new comments on the story, on the site and in Sieve.
import { useState } from 'react'
import type { CommentDetail } from '../../../shared/model'
import { client } from '../api'

export function CloseComments({ article, source }: { article: NonNullable<CommentDetail['article']>; source: string }) {
  const [state, setState] = useState<{ closed: boolean; busy: boolean; error: string | null }>({ closed: !article.commentingOpen, busy: false, error: null })
  if (!article.closable) return null
  if (state.closed) return <span className="muted"> · commenting closed</span>
  return (
    <>
      {' '}
      <button
        disabled={state.busy}
        title="Close this story to new comments on the site"
        onClick={() => {
          setState({ ...state, busy: true })
          client
            .call('closeArticle', { articleId: article.id, source })
            .then(() => setState({ closed: true, busy: false, error: null }))
            .catch((error: Error) => setState({ closed: false, busy: false, error: error.message }))
        }}
      >
        Close comments
      </button>
      {state.error && <span className="problem"> {state.error}</span>}
    </>
  )
}
