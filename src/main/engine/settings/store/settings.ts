// The settings table: one JSON value per key, each read back through its schema.
import type { z } from 'zod'
import type { Db } from '../../database/database'
import { sql } from '../../database/sql/sql'

export function readSetting<S extends z.ZodType>(db: Db, key: string, schema: S, fallback: z.output<S>): z.output<S> {
  const row = db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${key}`)
  if (!row) return fallback
  const parsed = schema.safeParse(JSON.parse(row.value))
  // A value an older or newer build wrote in another shape falls back rather than breaking the app.
  return parsed.success ? parsed.data : fallback
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.run(sql`INSERT INTO settings (key, value) VALUES (${key}, ${JSON.stringify(value)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
}
