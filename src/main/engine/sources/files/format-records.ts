// A file's records by its format's reader.
import type { Readable } from 'node:stream'
import { csvRecords, type CsvMapping } from './csv'
import type { FileFormat } from './detect-format'
import { disqusRecords } from './disqus'
import type { ParsedRecord } from './land-records'
import { ndjsonRecords } from './ndjson'
import { wxrRecords } from './wxr'

export interface CsvSetup {
  mapping?: Partial<CsvMapping>
  delimiter: string
}

export function formatRecords(text: Readable, format: FileFormat, csv: CsvSetup | undefined, onMapping: (mapping: CsvMapping) => void): AsyncIterable<ParsedRecord> {
  switch (format) {
    case 'ndjson':
      return ndjsonRecords(text)
    case 'csv':
      return csvRecords(text, { ...csv, onMapping })
    case 'wxr':
      return wxrRecords(text)
    case 'disqus':
      return disqusRecords(text)
  }
}
