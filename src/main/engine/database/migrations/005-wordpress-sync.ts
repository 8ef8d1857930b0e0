// What syncing with a platform needs beyond the outbox of 002: the platform's own word for a comment's
// status (WordPress has four where Sieve has one "removed"), and a conflict noted on the comment when the
// platform changed it after a local decision.
export default /* sql */ `
-- The comment's status in the platform's own vocabulary (WordPress: hold, approved, spam, trash), as last
-- seen at a pull or set by a push. A push compares the live status with it before writing.
ALTER TABLE comments ADD COLUMN platform_status TEXT;
-- Set when the platform changed or deleted the comment after a local decision; a new decision clears it.
ALTER TABLE comments ADD COLUMN conflict TEXT;
CREATE INDEX comments_conflict ON comments (source_id) WHERE conflict IS NOT NULL;
`
