// The sync outbox (decisions waiting to reach their platform), what a source needs to be pulled again,
// escalations, bulk-friendly search indexing, and leaner scores.
export default /* sql */ `
-- Which scorer (and model) has scored a comment is one row per comment and scorer; the scores
-- themselves are kept from 0.01 up (an absent attribute scored below that), spans only where there are any.
CREATE TABLE scorings (
  comment_id     INTEGER NOT NULL REFERENCES comments(id),
  scorer         TEXT NOT NULL,
  model_version  TEXT NOT NULL,
  scored_at      TEXT NOT NULL,
  PRIMARY KEY (comment_id, scorer)
) WITHOUT ROWID;
INSERT INTO scorings SELECT comment_id, scorer, max(model_version), max(scored_at) FROM scores GROUP BY comment_id, scorer;
CREATE TABLE scores_kept (
  comment_id  INTEGER NOT NULL REFERENCES comments(id),
  scorer      TEXT NOT NULL,
  attribute   TEXT NOT NULL,
  score       REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
  spans       TEXT,
  PRIMARY KEY (comment_id, scorer, attribute)
) WITHOUT ROWID;
INSERT INTO scores_kept SELECT comment_id, scorer, attribute, score, nullif(spans, '[]') FROM scores WHERE score >= 0.01;
DROP TABLE scores;
ALTER TABLE scores_kept RENAME TO scores;

-- New comments reach the search index a batch at a time (store/comments.ts): one statement per batch
-- indexes several times faster than a trigger per row. Edits and deletes keep their triggers.
DROP TRIGGER comments_fts_insert;
-- Comments are found by (source, external id); the unique index already serves that.
DROP INDEX comments_external_id;
-- The detail pane and per-article / per-author views: a story's queue, an author's record, a thread.
CREATE INDEX comments_article ON comments (article_id, status, priority);
CREATE INDEX comments_author ON comments (author_id, status);
CREATE INDEX comments_parent ON comments (source_id, parent_external_id) WHERE parent_external_id IS NOT NULL;

ALTER TABLE sources ADD COLUMN config TEXT NOT NULL DEFAULT '{}';  -- connection settings, never secrets
ALTER TABLE sources ADD COLUMN cursor TEXT;                        -- where the next incremental pull starts

-- Requests for a second opinion (legal, a senior editor): open until someone decides on the comment.
CREATE TABLE escalations (
  id           INTEGER PRIMARY KEY,
  comment_id   INTEGER NOT NULL REFERENCES comments(id),
  note         TEXT NOT NULL,
  moderator    TEXT NOT NULL,
  machine      TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  resolved_at  TEXT
);
CREATE INDEX escalations_open ON escalations (comment_id) WHERE resolved_at IS NULL;

CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL UNIQUE REFERENCES decisions(id),
  comment_id   INTEGER NOT NULL REFERENCES comments(id),
  state        TEXT NOT NULL DEFAULT 'pending'
               CHECK (state IN ('pending', 'synced', 'failed', 'conflict', 'superseded')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  not_before   TEXT NOT NULL,   -- the grace period, then the backoff
  last_error   TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, not_before);
CREATE INDEX outbox_comment ON outbox (comment_id, id);
`
