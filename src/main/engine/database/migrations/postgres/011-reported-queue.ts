// PostgreSQL's side of 011-reported-queue.ts: the same partial indexes, in SQL both databases read alike.
export { default } from '../011-reported-queue'
