// The Reported queue in any order but by reports: a page walks the reported comments alone in that order.
// Without these, a first page read every reported comment and sorted them (190 ms at 1M with 5% reported),
// or walked a sort order past every unreported one (seconds where reports are rare). Queue pages name
// them (queues.ts), since a planner without statistics cannot tell how few comments are reported.
export default /* sql */ `
CREATE INDEX comments_reported_priority ON comments (status, priority, id) WHERE reports > 0;
CREATE INDEX comments_reported_created ON comments (status, created_at, id) WHERE reports > 0;
CREATE INDEX comments_reported_teach ON comments (status, teach_rank, id) WHERE reports > 0;
`
