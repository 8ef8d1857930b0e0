// Records in batches, as the importer lands them: the good ones as one JSON string (cheap to pass between
// threads, and SQLite's bulk path reads it as it is), the refused and the noted ones beside it.
import type { IncomingComment } from '../store/comments'
import type { FileInput } from './file-input'
import type { ParsedRecord } from './land-records'

/** A comment with the line it came from. */
export type LineComment = IncomingComment & { line: number; /** `raw` as the store keeps it. */ rawText: string | null }

export interface ParsedBatch {
  /** JSON of LineComment[]. */
  comments: string
  count: number
  rejected: { line: number; reason: string }[]
  notes: { line: number; note: string }[]
  /** Bytes of the file read once this batch was complete. */
  bytesRead: number
}

export const BATCH_RECORDS = 2000
/** A batch also ends at this many characters of text: a file of long comments costs no more memory. */
const BATCH_CHARACTERS = 4_000_000

/** Groups a reader's records into batches of `size` good ones (the last may be smaller). */
export async function* batchesOf(records: AsyncIterable<ParsedRecord>, input: Pick<FileInput, 'bytesRead'>, size = BATCH_RECORDS): AsyncGenerator<ParsedBatch> {
  let comments: LineComment[] = []
  let rejected: ParsedBatch['rejected'] = []
  let notes: ParsedBatch['notes'] = []
  let characters = 0
  const take = (): ParsedBatch => {
    const batch = { comments: JSON.stringify(comments), count: comments.length, rejected, notes, bytesRead: input.bytesRead() }
    comments = []
    rejected = []
    notes = []
    characters = 0
    return batch
  }
  for await (const record of records) {
    if ('comment' in record) {
      const { comment, line } = record
      characters += comment.text.length
      comments.push({ ...comment, line, rawText: comment.raw && Object.keys(comment.raw).length > 0 ? JSON.stringify(comment.raw) : null })
      if (record.note) notes.push({ line, note: record.note })
    } else rejected.push({ line: record.line, reason: record.reason })
    if (comments.length >= size || rejected.length >= size || characters >= BATCH_CHARACTERS) yield take()
  }
  yield take()
}
