// Likely violations become a stored flag (per-attribute thresholds and word lists decide it, not one
// number), publisher word-list matches are kept per comment, and an automated decision names its rule.
export default /* sql */ `
ALTER TABLE comments ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN words TEXT;   -- JSON [{start, end, word, list}] when a word list matched
UPDATE comments SET flagged = 1 WHERE priority >= 0.7;
CREATE INDEX comments_likely ON comments (status, priority, id) WHERE flagged = 1;

ALTER TABLE decisions ADD COLUMN rule TEXT;   -- the auto-moderation rule behind an automated decision
`
