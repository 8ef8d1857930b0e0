// One entry point for importing a file of comments, whatever its format: it detects the format
// when not told, parses a large file in a thread of its own while this one writes (parse-worker.ts),
// reports progress by bytes, and can be cancelled.
import { stat } from 'node:fs/promises'
import type { Db } from '../../database/database'
import { suitsSqliteBulkLoad } from '../store/bulk-load-sqlite'
import { sniffDelimiter, type CsvMapping } from './csv'
import { formatOf, HEAD_BYTES, type FileFormat } from './detect-format'
import { openFileInput, readHead } from './file-input'
import { formatRecords } from './format-records'
import { landBatches, type LandedReport, type LandOptions } from './land-records'
import { parseInWorker } from './parse-in-worker'
import { BATCH_RECORDS, batchesOf } from './parsed-batches'

export { detectFormat, FILE_FORMATS, type FileFormat } from './detect-format'
export type { CsvMapping } from './csv'
export type { ImportProgress } from './land-records'

export interface ImportFileOptions extends Omit<LandOptions, 'bulk'> {
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

/** Files from this size are parsed in a thread of their own. */
const PARSING_THREAD_MIN_BYTES = 2 ** 20
/** Records to a batch on the bulk path: fewer, bigger commits. */
const BULK_BATCH_RECORDS = 5_000

export async function importFile(db: Db, sourceId: number, path: string, options: ImportFileOptions): Promise<ImportFileReport> {
  const head = await readHead(path, HEAD_BYTES)
  const format = options.format ?? formatOf(path, head)
  const totalBytes = (await stat(path)).size
  const bulk = suitsSqliteBulkLoad(db, totalBytes)
  const csv = format === 'csv' ? { mapping: options.csvMapping, delimiter: sniffDelimiter(head) } : undefined
  const batchSize = bulk ? BULK_BATCH_RECORDS : BATCH_RECORDS
  let report: LandedReport
  let csvMapping: CsvMapping | undefined
  if (totalBytes >= PARSING_THREAD_MIN_BYTES) {
    const parsing = parseInWorker({ path, format, batchSize, csv })
    report = await landBatches(db, sourceId, parsing.batches, totalBytes, { ...options, bulk })
    csvMapping = parsing.mapping()
  } else {
    // A small file is parsed here: starting a thread would take longer than the parsing.
    const input = await openFileInput(path)
    const records = formatRecords(input.text, format, csv, (mapping) => (csvMapping = mapping))
    try {
      report = await landBatches(db, sourceId, batchesOf(records, input, batchSize), totalBytes, { ...options, bulk })
    } finally {
      input.close()
    }
  }
  return { ...report, format, ...(csvMapping ? { csvMapping } : {}) }
}
