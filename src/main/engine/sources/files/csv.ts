// CSV files with a column mapping, parsed by csv-parse as a stream, each record capped. Line numbers are
// the file's own, also after quoted cells that span lines. Unmapped columns are kept in raw.
import { pipeline, type Readable } from 'node:stream'
import { parse, type CsvError } from 'csv-parse'
import { UserError } from '../../errors'
import type { IncomingComment } from '../store/comments'
import { type ColumnIndexes, type CsvField, type CsvMapping, resolveMapping } from './csv-mapping'
import { optionalId, parseCount, parseDate, parseStatus, requireId, requireText, shortText, stableAuthorId } from './fields'
import type { ParsedRecord } from './land-records'
import { capCsvRecords } from './csv-record-cap'
import { normalizeNewlines } from './normalize-newlines'
import { rawFields, type RawFields } from './raw-fields'
import { characters, MAX_CSV_RECORD } from './record-caps'

export type { CsvMapping } from './csv-mapping'

export interface CsvOptions {
  /** Fields mapped to header names; fields left out are guessed from the headers. */
  mapping?: Partial<CsvMapping>
  /** The cell separator; sniffDelimiter guesses it from the header line. */
  delimiter?: string
  /** Told the mapping in use once the header row has been read. */
  onMapping?: (mapping: CsvMapping) => void
}

interface ParsedRow {
  record: string[]
  info: { lines: number }
  raw: string
}

export async function* csvRecords(text: Readable, options: CsvOptions = {}): AsyncGenerator<ParsedRecord> {
  const skipped: ParsedRecord[] = []
  let lastSkipped = 0
  const parser = parse({
    bom: true,
    delimiter: options.delimiter ?? ',',
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      // csv-parse puts the line it stopped on in the error's context.
      const lines = typeof error?.lines === 'number' ? error.lines : parser.info.lines
      const line = firstLine(lines, raw ?? '')
      // After a bad quote csv-parse may stumble twice on the same line; one report is enough.
      if (error && lastSkipped !== line) skipped.push({ line, reason: csvErrorReason(error) })
      lastSkipped = line
      return undefined
    }
  })
  const dropped = (line: number) =>
    skipped.push({ line, reason: `the record is longer than ${characters(MAX_CSV_RECORD)} (the CSV record cap; an unclosed quote?); it was skipped unread` })
  // pipeline passes a read error on to the parser, so the loop below sees it.
  const rows = pipeline(text, normalizeNewlines(), capCsvRecords(MAX_CSV_RECORD, dropped), parser, () => {})
  let header: string[] | null = null
  let columns: ColumnIndexes = {}
  for await (const row of rows as AsyncIterable<ParsedRow>) {
    yield* skipped.splice(0)
    const line = firstLine(row.info.lines, row.raw)
    if (header === null) {
      header = row.record
      const resolved = resolveMapping(header, options.mapping)
      columns = resolved.columns
      options.onMapping?.(resolved.mapping)
      continue
    }
    try {
      yield { line, comment: toComment(row.record, header, columns) }
    } catch (error) {
      yield { line, reason: error instanceof Error ? error.message : String(error) }
    }
  }
  yield* skipped.splice(0)
  if (header === null) throw new UserError('The CSV file is empty: it has no header row naming its columns.')
}

/**
 * csv-parse counts lines up to a record's end; a record's own line is where it starts. Its raw text
 * starts with any blank lines skipped before it and ends with its line break.
 */
function firstLine(endLine: number, raw: string): number {
  const record = raw.replace(/^\n+/, '').replace(/\n$/, '')
  return endLine - (record.match(/\n/g)?.length ?? 0)
}

function csvErrorReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted cell is followed by more text before the next separator'
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed, so the rest of the file could not be read'
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted cell'
    default:
      return error.message
  }
}

function toComment(cells: string[], header: string[], columns: ColumnIndexes): IncomingComment {
  if (cells.length !== header.length) {
    throw new Error(`the row has ${cells.length} cells where the header has ${header.length}`)
  }
  const cell = (field: CsvField): string => {
    const index = columns[field]
    return index === undefined ? '' : cells[index]
  }
  const what = (field: CsvField) => `column "${header[columns[field] ?? 0].trim()}"`
  const externalId = requireId(cell('id'), what('id'))
  const text = requireText(cell('text'), what('text'))
  const authorName = shortText(cell('authorName'))
  const authorEmail = shortText(cell('authorEmail'))
  const authorId = optionalId(cell('authorId'), what('authorId'))
  const articleId = optionalId(cell('articleId'), what('articleId'))
  const articleTitle = shortText(cell('articleTitle'))
  const articleUrl = shortText(cell('articleUrl'))
  const parent = cell('parentId').trim()
  const articleKey = articleId ?? articleUrl ?? articleTitle
  return {
    externalId,
    text,
    author: authorOf(authorId, authorName, authorEmail),
    article: articleKey ? { externalId: articleKey, title: articleTitle, url: articleUrl } : null,
    // WordPress-style exports write 0 for "no parent".
    parentExternalId: parent === '0' ? null : optionalId(parent, what('parentId')),
    createdAt: parseDate(cell('createdAt'), what('createdAt')),
    modifiedAt: parseDate(cell('modifiedAt'), what('modifiedAt')),
    upstreamStatus: cell('status').trim() === '' ? 'pending' : parseStatus(cell('status'), what('status')),
    reports: parseCount(cell('reports'), what('reports')),
    raw: unmapped(cells, header, columns)
  }
}

/** An author by their id; without one, by a stable id from their email, else their name. */
function authorOf(id: string | null, name: string | null, email: string | null): IncomingComment['author'] {
  if (id) return { externalId: id, name }
  if (email) return { externalId: stableAuthorId('email', email), name }
  if (name) return { externalId: stableAuthorId('name', name), name }
  return null
}

/** The cells of columns Sieve does not model, by header name; empty cells are left out. */
function unmapped(cells: string[], header: string[], columns: ColumnIndexes): RawFields | null {
  const mapped = new Set(Object.entries(columns).flatMap(([field, index]) => (field === 'authorEmail' ? [] : [index])))
  const raw = rawFields()
  header.forEach((name, index) => {
    if (mapped.has(index) || cells[index] === '') return
    const base = name.trim() || `column ${index + 1}`
    let key = base
    for (let n = 2; key in raw; n++) key = `${base} (${n})`
    raw[key] = cells[index]
  })
  return Object.keys(raw).length > 0 ? raw : null
}

/** The separator the header line uses most: comma, semicolon (spreadsheets in many locales), tab or pipe. */
export function sniffDelimiter(head: string): string {
  const line = head
    .replace(/^\ufeff/, '')
    .split('\n', 1)[0]
    .replace(/"[^"]*"/g, '')
  let best = ','
  let bestCount = 0
  for (const candidate of [',', ';', '\t', '|']) {
    const count = line.split(candidate).length - 1
    if (count > bestCount) {
      best = candidate
      bestCount = count
    }
  }
  return best
}
