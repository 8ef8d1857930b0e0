// Scores that fit this newsroom (issue 16): the model's lineage (every retraining, kept or not), the
// Teach Sieve order (uncertainty with near-duplicates moved back) and the clause a removal would most
// likely cite, both per comment so that pages and rows read them without work.
export default /* sql */ `
CREATE TABLE model_lineage (
  id                   INTEGER PRIMARY KEY,
  version              TEXT NOT NULL,     -- the model in use after this retraining
  previous_version     TEXT NOT NULL,
  trained_at           TEXT NOT NULL,
  decisions            INTEGER NOT NULL,  -- the approvals and removals it learned from
  through_decision_id  INTEGER NOT NULL,  -- the last decision counted: automatic learning counts on from here
  auc_before           REAL,              -- held-back decisions, ranked by the model before and after (NULL: no check)
  auc_after            REAL,
  kept                 INTEGER NOT NULL,
  started_by           TEXT NOT NULL      -- 'automatic' or 'by hand'
);

-- Unscored comments sort last (-2); near-duplicates of a more uncertain comment sit at uncertainty - 1.
ALTER TABLE comments ADD COLUMN teach_rank REAL NOT NULL DEFAULT -2;
CREATE INDEX comments_status_teach ON comments (status, teach_rank, id);
CREATE INDEX comments_teach ON comments (teach_rank, id);
ALTER TABLE comments ADD COLUMN suggested_clause TEXT;
`
