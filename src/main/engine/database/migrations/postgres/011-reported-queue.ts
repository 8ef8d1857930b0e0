// PostgreSQL's side of 011-reported-queue.ts: the same indexes of the reported comments alone.
export default /* sql */ `
CREATE INDEX comments_reported_priority ON comments (status, priority, id) WHERE reports > 0;
CREATE INDEX comments_reported_created ON comments (status, created_at, id) WHERE reports > 0;
CREATE INDEX comments_reported_teach ON comments (status, teach_rank, id) WHERE reports > 0;
`
