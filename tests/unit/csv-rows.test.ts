// The decision log's own CSV writer (reports/csv-rows.ts) against csv-stringify, the library it stands in
// for: on any row of strings, numbers and nulls, the same text, formula escaping included.
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvRows } from '../../src/main/engine/reports/csv-rows'

/** Text that starts like a formula, holds quotes, commas and line breaks, or is anything at all. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', ' '), fc.string()).map(([start, rest]) => start + rest),
  fc.array(fc.constantFrom('a', '"', ',', '\n', '\r', '\r\n', ' ', '='), { maxLength: 8 }).map((parts) => parts.join(''))
)
const field = fc.oneof(text, fc.integer(), fc.double(), fc.constant(null), fc.constant(''))

describe('the decision log as CSV', () => {
  it('writes every row as csv-stringify with escape_formulas does', () => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 8 }), { maxLength: 6 }), (rows) => {
        expect(csvRows(rows)).toBe(stringify(rows, { escape_formulas: true }))
      }),
      { numRuns: 2000 }
    )
  })

  it('makes a cell a spreadsheet would run as a formula plain text', () => {
    expect(csvRows([['=HYPERLINK("http://evil.example")', '-2+3', -2, '@SUM(A1)']])).toBe(`"'=HYPERLINK(""http://evil.example"")",'-2+3,-2,'@SUM(A1)\n`)
  })
})
