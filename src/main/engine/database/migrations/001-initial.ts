// The first schema. Migrations are append-only: never edit a released one, add the next file instead.
export default /* sql */ `
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,            -- demo | file | wordpress ...
  name        TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL
);

CREATE TABLE articles (
  id               INTEGER PRIMARY KEY,
  source_id        INTEGER NOT NULL REFERENCES sources(id),
  external_id      TEXT NOT NULL,
  title            TEXT,
  url              TEXT,
  commenting_open  INTEGER NOT NULL DEFAULT 1,
  UNIQUE (source_id, external_id)
);

CREATE TABLE authors (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources(id),
  external_id  TEXT NOT NULL,
  name         TEXT,
  UNIQUE (source_id, external_id)
);

CREATE TABLE comments (
  id                  INTEGER PRIMARY KEY,
  source_id           INTEGER NOT NULL REFERENCES sources(id),
  external_id         TEXT NOT NULL,
  article_id          INTEGER REFERENCES articles(id),
  author_id           INTEGER REFERENCES authors(id),
  parent_external_id  TEXT,
  text                TEXT NOT NULL,
  created_at          TEXT,
  modified_at         TEXT,
  upstream_status     TEXT NOT NULL DEFAULT 'pending',
  reports             INTEGER NOT NULL DEFAULT 0,
  raw                 TEXT,             -- JSON of the fields we do not model, never dropped
  imported_at         TEXT NOT NULL,
  -- Projections kept in step, in the same transaction, with the tables they derive from:
  status              TEXT NOT NULL DEFAULT 'pending',  -- the latest decision's status_after
  reason              TEXT,                             -- its clause code
  priority            REAL NOT NULL DEFAULT 0,          -- the primary scorer's max, nudged by reports
  scores              TEXT NOT NULL DEFAULT '{}',       -- the primary scorer's attributes, JSON
  spans               TEXT NOT NULL DEFAULT '[]',       -- the primary scorer's spans, JSON
  UNIQUE (source_id, external_id)
);
-- Queue pages: one index per sort the UI offers, within a status and across all (keyset on the sort key, id).
CREATE INDEX comments_status_priority ON comments (status, priority, id);
CREATE INDEX comments_status_created ON comments (status, created_at, id);
CREATE INDEX comments_status_reports ON comments (status, reports, id);
CREATE INDEX comments_priority ON comments (priority, id);
CREATE INDEX comments_created ON comments (created_at, id);
CREATE INDEX comments_reports ON comments (reports, id);
CREATE INDEX comments_external_id ON comments (external_id);

CREATE VIRTUAL TABLE comments_fts USING fts5 (text, content = 'comments', content_rowid = 'id');
CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
  INSERT INTO comments_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
  INSERT INTO comments_fts (comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER comments_fts_update AFTER UPDATE OF text ON comments BEGIN
  INSERT INTO comments_fts (comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO comments_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE scores (
  comment_id     INTEGER NOT NULL REFERENCES comments(id),
  scorer         TEXT NOT NULL,
  attribute      TEXT NOT NULL,
  score          REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
  model_version  TEXT NOT NULL,
  spans          TEXT NOT NULL DEFAULT '[]',
  scored_at      TEXT NOT NULL,
  PRIMARY KEY (comment_id, scorer, attribute)
) WITHOUT ROWID;

-- A batch is one moderator action: one key press, one bulk action, one undo.
CREATE TABLE batches (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('decide', 'undo')),
  action        TEXT,
  moderator     TEXT NOT NULL,
  machine       TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  reverts       INTEGER UNIQUE REFERENCES batches(id)  -- for an undo: the batch it reverts
);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE decisions (
  id                  INTEGER PRIMARY KEY,
  batch_id            INTEGER NOT NULL REFERENCES batches(id),
  comment_id          INTEGER NOT NULL REFERENCES comments(id),
  action              TEXT NOT NULL CHECK (action IN ('approve', 'remove', 'disable', 'enable', 'undo')),
  status_before       TEXT NOT NULL,
  status_after        TEXT NOT NULL,
  reason_before       TEXT,             -- the clause in force before, so an undo restores it exactly
  clause_code         TEXT,
  clause_title        TEXT,             -- the clause as it read when the decision was made
  clause_description  TEXT,
  note                TEXT,
  moderator           TEXT NOT NULL,
  machine             TEXT NOT NULL,
  decided_at          TEXT NOT NULL,
  automated           INTEGER NOT NULL DEFAULT 0,
  scores              TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX decisions_comment ON decisions (comment_id, id);
CREATE INDEX decisions_batch ON decisions (batch_id);
CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions BEGIN
  SELECT RAISE(ABORT, 'the decision log is append-only');
END;
CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions BEGIN
  SELECT RAISE(ABORT, 'the decision log is append-only');
END;

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
`
