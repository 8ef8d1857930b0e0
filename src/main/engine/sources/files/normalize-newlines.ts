// CRLF to LF before csv-parse: its line count takes a CRLF inside a quoted cell for two lines, which
// would put every later rejection on the wrong line. Comment text loses nothing by it.
import { Transform } from 'node:stream'

export function normalizeNewlines(): Transform {
  let carriage = false
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, done) {
      let text = (carriage ? '\r' : '') + String(chunk)
      // A CR at the end of a chunk may be the first half of a CRLF split across chunks.
      carriage = text.endsWith('\r')
      if (carriage) text = text.slice(0, -1)
      done(null, text.replace(/\r\n/g, '\n'))
    },
    flush(done) {
      done(null, carriage ? '\r' : '')
    }
  })
}
