// Reads a CSV file with a header row into one object per row, keyed by column name.
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

export type Row = Record<string, string>

export function readCsv(path: string): Row[] {
  return parse<Row>(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true })
}
