// Teach Sieve: how unsure the local model is about each comment (scoring/learning/teach-order.ts), written
// with the primary scorer's scores so a queue sort can read it without rescoring.
export default /* sql */ `
ALTER TABLE comments ADD COLUMN uncertainty REAL;
CREATE INDEX comments_status_uncertainty ON comments (status, uncertainty, id);
`
