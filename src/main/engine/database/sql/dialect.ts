// Where SQLite and PostgreSQL say the same thing differently: JSON, full-text search, a planner's hint.
// Store modules ask for the fragment by the dialect of the connection they were handed.
import { sql, type RawBuilder } from 'kysely'
import type { DialectName } from './sql'

export interface Dialect {
  name: DialectName
  /** A number in a JSON object held as text (a comment's scores), 0 when absent. `key` is ours, never a reader's. */
  jsonNumber(column: string, key: string): RawBuilder<number>
  /** The same, null when absent (a score never given is not a score of 0). */
  jsonNumberOrNull(column: string, key: string): RawBuilder<number | null>
  /** A text field of a JSON object held as text, or null where the text is not JSON. */
  jsonText(column: string, key: string): RawBuilder<string | null>
  /** The largest number among a JSON object's values (the strongest score). */
  jsonMaxValue(column: string): RawBuilder<number | null>
  /** Whether a JSON array held as text has an object whose `field` equals `value`. */
  jsonArrayHas(column: string, field: string, value: string): RawBuilder<boolean>
  /** A JSON object built from pairs, as text. */
  jsonObject(pairs: Record<string, RawBuilder<unknown>>): RawBuilder<string>
  /** Comments (`c`) whose text holds every word of `words`. */
  textMatches(words: string): RawBuilder<boolean>
  /** An expression the planner should not pick an index for (SQLite's unary +); as is elsewhere. */
  notIndexed(expression: string): RawBuilder<unknown>
  /** A join the planner must take in the order written (SQLite's CROSS JOIN … ON); a plain join elsewhere. */
  joinInOrder: RawBuilder<unknown>
  /** After a table in FROM: the index the planner must walk (SQLite's INDEXED BY); nothing elsewhere. */
  indexedBy(index: string): RawBuilder<unknown>
  /** Puts new comments in the full-text index, where the index is not kept by the database itself. */
  indexText(keys: number[]): RawBuilder<unknown> | null
}

const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/

function checkedKey(key: string): string {
  // Keys are attribute and field names Sieve declares, spliced into the SQL: never anything else.
  if (!ATTRIBUTE_KEY.test(key)) throw new Error(`Not a JSON key Sieve knows: ${key}`)
  return key
}

const sqlite: Dialect = {
  name: 'sqlite',
  jsonNumber: (column, key) => sql<number>`coalesce(${sql.raw(column)} ->> ${sql.lit(`$.${checkedKey(key)}`)}, 0)`,
  jsonNumberOrNull: (column, key) => sql<number | null>`${sql.raw(column)} ->> ${sql.lit(`$.${checkedKey(key)}`)}`,
  jsonText: (column, key) => sql<string | null>`CASE WHEN json_valid(${sql.raw(column)}) THEN ${sql.raw(column)} ->> ${sql.lit(`$.${checkedKey(key)}`)} END`,
  jsonMaxValue: (column) => sql<number | null>`(SELECT max(value) FROM json_each(${sql.raw(column)}))`,
  jsonArrayHas: (column, field, value) =>
    sql<boolean>`EXISTS (SELECT 1 FROM json_each(${sql.raw(column)}) WHERE value ->> ${sql.lit(`$.${checkedKey(field)}`)} = ${value})`,
  jsonObject: (pairs) =>
    sql<string>`json_object(${sql.join(Object.entries(pairs).map(([key, value]) => sql`${sql.lit(checkedKey(key))}, ${value}`))})`,
  textMatches: (words) => sql<boolean>`c.id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ${ftsQuery(words)})`,
  notIndexed: (expression) => sql.raw(`+${expression}`),
  joinInOrder: sql.raw('CROSS JOIN'),
  indexedBy: (index) => sql`INDEXED BY ${sql.id(index)}`,
  // New comments reach the index a batch at a time: one statement per batch beats a trigger per row.
  indexText: (keys) => sql`INSERT INTO comments_fts (rowid, text) SELECT id, text FROM comments WHERE id IN (${sql.join(keys)})`
}

const postgres: Dialect = {
  name: 'postgres',
  jsonNumber: (column, key) => sql<number>`coalesce((${sql.raw(column)}::jsonb ->> ${sql.lit(checkedKey(key))})::float8, 0)`,
  jsonNumberOrNull: (column, key) => sql<number | null>`(${sql.raw(column)}::jsonb ->> ${sql.lit(checkedKey(key))})::float8`,
  jsonText: (column, key) => sql<string | null>`(sieve_json(${sql.raw(column)}) ->> ${sql.lit(checkedKey(key))})`,
  jsonMaxValue: (column) => sql<number | null>`(SELECT max(value::float8) FROM jsonb_each_text(${sql.raw(column)}::jsonb))`,
  jsonArrayHas: (column, field, value) =>
    sql<boolean>`EXISTS (SELECT 1 FROM jsonb_array_elements(${sql.raw(column)}::jsonb) item WHERE item ->> ${sql.lit(checkedKey(field))} = ${value})`,
  jsonObject: (pairs) =>
    sql<string>`json_build_object(${sql.join(Object.entries(pairs).map(([key, value]) => sql`${sql.lit(checkedKey(key))}, ${value}`))})::text`,
  // 'simple': words as written, without stemming (English rules would stem Hinglish words away).
  textMatches: (words) => sql<boolean>`c.search @@ plainto_tsquery('simple', ${words})`,
  notIndexed: (expression) => sql.raw(expression),
  joinInOrder: sql.raw('JOIN'),
  // PostgreSQL's planner reads its statistics.
  indexedBy: () => sql``,
  // A generated column keeps the search index: nothing to do.
  indexText: () => null
}

export const DIALECTS: Record<DialectName, Dialect> = { sqlite, postgres }

/** Every word the person typed must appear; FTS5 operators in the input are treated as plain words. */
export function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replaceAll('"', '""')}"`)
    .join(' ')
}
