// One entry point for importing a file of comments, whatever its format: it detects the format
// when not told, streams the file into the store, reports progress by bytes, and can be cancelled.
import type { Db } from '../../database/database'
import { csvRecords, sniffDelimiter, type CsvMapping } from './csv'
import { formatOf, HEAD_BYTES, type FileFormat } from './detect-format'
import { disqusRecords } from './disqus'
import { openFileInput, readHead } from './file-input'
import { landRecords, type LandedReport, type LandOptions, type ParsedRecord } from './land-records'
import { ndjsonRecords } from './ndjson'
import { wxrRecords } from './wxr'

export { detectFormat, FILE_FORMATS, type FileFormat } from './detect-format'
export type { CsvMapping } from './csv'
export type { ImportProgress } from './land-records'

export interface ImportFileOptions extends LandOptions {
  /** Detected from the file when absent. */
  format?: FileFormat
  /** CSV only: fields mapped to header names; fields left out are guessed from the headers. */
  csvMapping?: Partial<CsvMapping>
}

export type ImportFileReport = LandedReport & {
  format: FileFormat
  /** CSV only: the columns that were used, guessed or given. */
  csvMapping?: CsvMapping
}

export async function importFile(db: Db, sourceId: number, path: string, options: ImportFileOptions): Promise<ImportFileReport> {
  const head = await readHead(path, HEAD_BYTES)
  const format = options.format ?? formatOf(path, head)
  let csvMapping: CsvMapping | undefined
  const input = await openFileInput(path)
  let records: AsyncIterable<ParsedRecord>
  switch (format) {
    case 'ndjson':
      records = ndjsonRecords(input.text)
      break
    case 'csv':
      records = csvRecords(input.text, {
        mapping: options.csvMapping,
        delimiter: sniffDelimiter(head),
        onMapping: (mapping) => (csvMapping = mapping)
      })
      break
    case 'wxr':
      records = wxrRecords(input.text)
      break
    case 'disqus':
      records = disqusRecords(input.text)
      break
  }
  const report = await landRecords(db, sourceId, records, input, options)
  return { ...report, format, ...(csvMapping ? { csvMapping } : {}) }
}
