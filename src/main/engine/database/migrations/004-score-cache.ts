// What cloud scorers answered, by text: duplicate comments and re-pulled ones never cost a second call.
export default /* sql */ `
-- Keyed by the SHA-256 of the text (never the text itself) and the scorer's model version, so a new
-- model or new settings score afresh. Scores and spans as the scorer returned them, JSON.
CREATE TABLE score_cache (
  scorer         TEXT NOT NULL,
  model_version  TEXT NOT NULL,
  text_hash      BLOB NOT NULL,
  scores         TEXT NOT NULL,
  spans          TEXT NOT NULL,
  cached_at      TEXT NOT NULL,
  PRIMARY KEY (scorer, model_version, text_hash)
) WITHOUT ROWID;
`
