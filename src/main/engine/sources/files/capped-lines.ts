// A text stream as lines, none held longer than a cap: a line past it is skipped to its end and reported
// as too long, so a file without line breaks costs the cap, not its size. Line breaks are those readline
// knows (LF, CRLF, a lone CR), so line numbers are what an editor shows.

export type CappedLine = { line: number; text: string } | { line: number; tooLong: true }

export async function* cappedLines(chunks: AsyncIterable<string | Buffer>, maxChars: number): AsyncGenerator<CappedLine> {
  let line = 0
  let carry = ''
  /** The current line went past the cap: its rest is dropped up to the next break. */
  let skipping = false
  const finish = (text: string): CappedLine => {
    line++
    const tooLong = skipping || text.length > maxChars
    skipping = false
    return tooLong ? { line, tooLong } : { line, text }
  }
  for await (const chunk of chunks) {
    let text = carry + String(chunk)
    // A CR at the end may be the first half of a CRLF that the next chunk completes.
    const heldCr = text.endsWith('\r')
    if (heldCr) text = text.slice(0, -1)
    const breaks = /\r\n|\r|\n/g
    let start = 0
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      yield finish(text.slice(start, match.index))
      start = match.index + match[0].length
    }
    carry = text.slice(start)
    if (carry.length > maxChars) {
      skipping = true
      carry = ''
    }
    if (skipping) carry = ''
    if (heldCr) carry += '\r'
  }
  // A CR at the very end ends the last line.
  if (carry.endsWith('\r')) yield finish(carry.slice(0, -1))
  else if (carry !== '' || skipping) yield finish(carry)
}
