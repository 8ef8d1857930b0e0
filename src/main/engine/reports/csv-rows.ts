// The decision log's rows as CSV text, byte for byte what csv-stringify writes with `escape_formulas`
// (tests/unit/csv-rows.test.ts holds them to it), in a fraction of its time: csv-stringify's general
// machinery took two thirds of a million-row export, and these rows are only strings, numbers and nulls.

/** First characters a spreadsheet would run as a formula (and their full-width forms); `-` only in text. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])
const NEEDS_QUOTES = /[",\n\r]/

function cell(field: string | number | null): string {
  if (field === null || field === '') return ''
  let value = typeof field === 'string' ? field : String(field)
  // A quote mark before it makes the cell text (OWASP's advice on CSV injection).
  if (typeof field === 'string' && FORMULA_START.has(value[0])) value = `'${value}`
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** CSV lines, each ending in a newline. */
export function csvRows(rows: (string | number | null)[][]): string {
  let text = ''
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += (i === 0 ? '' : ',') + cell(row[i])
    text += '\n'
  }
  return text
}
