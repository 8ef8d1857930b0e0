// One comment with its context, for the detail pane: thread, article, author's record, every scorer's
// scores and its decision history. Each part is one indexed query.
import type { CommentDetail, DecisionHistoryEntry, RelatedComment, ScorerScores, Scores, Status } from '../../../../shared/model'
import { UserError } from '../../errors'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'
import { openEscalation } from './escalations'
import { rowColumns, ROW_JOINS, toRow, type CommentRowRecord } from './queues'

const RELATED = sql`SELECT c.id AS key, c.external_id AS id, substr(c.text, 1, 500) AS text, au.name AS "authorName",
                           c.created_at AS "createdAt", c.status, c.clause
                    FROM comments c LEFT JOIN authors au ON au.id = c.author_id`
const RECENT_BY_AUTHOR = 10

type CommentRecord = CommentRowRecord & {
  upstreamStatus: Status
  sourceId: number
  parentId: string | null
  articleKey: number | null
  authorKey: number | null
}

export function commentDetail(db: Db, key: number): CommentDetail {
  const record = db.get<CommentRecord>(
    sql`SELECT ${rowColumns(db.dialect)}, c.text, 0 AS "textTruncated", c.upstream_status AS "upstreamStatus", c.source_id AS "sourceId",
               c.parent_external_id AS "parentId", c.article_id AS "articleKey", c.author_id AS "authorKey"
        FROM comments c ${ROW_JOINS}
        WHERE c.id = ${key}`
  )
  if (!record) throw new UserError('That comment is no longer in the database.')
  const { sourceId, parentId, articleKey, authorKey, upstreamStatus, ...row } = record
  const comment = { ...toRow(row), upstreamStatus }
  return {
    comment,
    article: articleKey === null ? null : article(db, articleKey),
    author: authorKey === null ? null : author(db, authorKey, key),
    parent: parentId === null ? null : (db.get<RelatedComment>(sql`${RELATED} WHERE c.source_id = ${sourceId} AND c.external_id = ${parentId}`) ?? null),
    replies: db.all<RelatedComment>(sql`${RELATED} WHERE c.source_id = ${sourceId} AND c.parent_external_id = ${comment.id} ORDER BY c.created_at NULLS FIRST, c.id`),
    scorers: scorers(db, key),
    history: db
      .all<Omit<DecisionHistoryEntry, 'automated'> & { automated: number }>(
        sql`SELECT decided_at AS "decidedAt", moderator, action, status_after AS "statusAfter", clause,
                   clause_title AS "clauseTitle", note, automated
            FROM decisions WHERE comment_id = ${key} ORDER BY id`
      )
      .map((entry) => ({ ...entry, automated: entry.automated === 1 })),
    escalation: openEscalation(db, key)
  }
}

function article(db: Db, articleKey: number): CommentDetail['article'] {
  const row = db.get<{ id: string; title: string | null; url: string | null; open: number; closable: number }>(
    sql`SELECT a.external_id AS id, a.title, a.url, a.commenting_open AS open, CASE WHEN s.kind NOT IN ('demo', 'file') THEN 1 ELSE 0 END AS closable
        FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ${articleKey}`
  )!
  return { id: row.id, title: row.title, url: row.url, commentingOpen: row.open === 1, closable: row.closable === 1 }
}

function author(db: Db, authorKey: number, exceptKey: number): CommentDetail['author'] {
  const who = db.get<{ id: string; name: string | null }>(sql`SELECT external_id AS id, name FROM authors WHERE id = ${authorKey}`)!
  const record = db.get<{ comments: number; removed: number }>(
    sql`SELECT count(*) AS comments, count(*) FILTER (WHERE status = 'removed') AS removed FROM comments WHERE author_id = ${authorKey}`
  )!
  const recent = db.all<RelatedComment>(
    sql`${RELATED} WHERE c.author_id = ${authorKey} AND c.id != ${exceptKey} ORDER BY c.created_at DESC NULLS LAST, c.id DESC LIMIT ${RECENT_BY_AUTHOR}`
  )
  return { ...who, ...record, recent }
}

function scorers(db: Db, key: number): ScorerScores[] {
  const runs = db.all<{ scorer: string; modelVersion: string; scoredAt: string }>(
    sql`SELECT scorer, model_version AS "modelVersion", scored_at AS "scoredAt" FROM scorings WHERE comment_id = ${key} ORDER BY scorer`
  )
  const byScorer = new Map<string, Scores>()
  for (const row of db.all<{ scorer: string; attribute: keyof Scores; score: number }>(sql`SELECT scorer, attribute, score FROM scores WHERE comment_id = ${key}`)) {
    byScorer.set(row.scorer, { ...byScorer.get(row.scorer), [row.attribute]: row.score })
  }
  return runs.map((run) => ({ ...run, scores: byScorer.get(run.scorer) ?? {} }))
}
