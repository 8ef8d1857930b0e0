// Keeps CSV records under a cap before csv-parse sees them: csv-parse holds a record whole, and a quote
// that is never closed makes the rest of the file one record. Records are found as csv-parse finds them
// (a line break outside quotes ends one; "" inside quotes is a quote), held until they end, and one that
// passes the cap is dropped, leaving only its line breaks so csv-parse's line numbers stay the file's.
import { Transform } from 'node:stream'
import { UserError } from '../../errors'
import { characters } from './record-caps'

/** `onDropped` hears the line a dropped record started on. Expects LF line breaks (normalizeNewlines first). */
export function capCsvRecords(maxChars: number, onDropped: (line: number) => void): Transform {
  let held = ''
  let quoted = false
  /** Line breaks seen so far, in records passed on or dropped: the next record starts on line + 1. */
  let line = 0
  let records = 0
  let dropping: { line: number; breaks: number } | null = null
  const special = /["\n]/g

  const take = (text: string): string => {
    let out = ''
    let start = 0
    special.lastIndex = 0
    for (let match = special.exec(text); match; match = special.exec(text)) {
      if (match[0] === '"') {
        quoted = !quoted
        continue
      }
      if (dropping) dropping.breaks++
      if (quoted) continue
      // The end of a record.
      const end = match.index + 1
      if (dropping) {
        out += '\n'.repeat(dropping.breaks)
        line += dropping.breaks
        dropping = null
      } else {
        const record = held + text.slice(start, end)
        line += countBreaks(record)
        out += record
        if (record.trim() !== '') records++
      }
      held = ''
      start = end
    }
    const rest = text.slice(start)
    if (dropping) return out
    held += rest
    if (held.length > maxChars) {
      if (records === 0) throw new UserError(`The CSV header row is longer than ${characters(maxChars)} (the CSV record cap).`)
      dropping = { line: line + 1, breaks: countBreaks(held) }
      onDropped(dropping.line)
      held = ''
    }
    return out
  }

  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, done) {
      try {
        done(null, take(String(chunk)))
      } catch (error) {
        done(error as Error)
      }
    },
    flush(done) {
      done(null, dropping ? '' : held)
    }
  })
}

function countBreaks(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
  return count
}
