/** "3h", "2d": how long ago, short enough for a table cell. */
export function age(iso: string | null, now = Date.now()): string {
  if (!iso) return ''
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000))
  if (minutes < 60) return `${minutes}m`
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)}h`
  if (minutes < 60 * 24 * 60) return `${Math.round(minutes / (60 * 24))}d`
  return iso.slice(0, 10)
}
