// How much of an untrusted file is held at once. Files are streamed, so their size is free; but a reader
// holds one record whole while it reads it, and a record has no natural end in a hostile file (a line
// without a line break, a CSV quote never closed, an XML text never followed by a tag). Each is capped;
// a record over its cap is rejected by its line, naming the cap, and never held past it.

/** One NDJSON line: room for the longest comment (1,000,000 characters) even if every one is escaped. */
export const MAX_NDJSON_LINE = 8_000_000
/** One CSV record, all its cells, from its first line to its last. */
export const MAX_CSV_RECORD = 8_000_000
/** The text of one XML record (a <wp:comment>, a Disqus <post>), all its elements together. */
export const MAX_XML_RECORD = 8_000_000
/** How many elements one XML record may hold. */
export const MAX_XML_RECORD_ELEMENTS = 10_000
/** One run of XML text, CDATA, comment or attribute value: the parser holds each whole until it ends. */
export const MAX_XML_RUN = 8_000_000

/** "8,000,000 characters". */
export function characters(cap: number): string {
  return `${cap.toLocaleString('en-US')} characters`
}
