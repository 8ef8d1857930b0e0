// Building HTML from hostile text: every value that came from a reader, a moderator or a platform goes
// through escapeHtml; markup is only ever our own literals.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ENTITIES[char])
}

/** A table whose cells are escaped text; `numeric` columns are right-aligned. */
export function table(headers: string[], rows: (string | number | null)[][], numeric: number[] = []): string {
  const align = (i: number) => (numeric.includes(i) ? ' class="num"' : '')
  const head = headers.map((header, i) => `<th${align(i)}>${escapeHtml(header)}</th>`).join('')
  const body = rows.length
    ? rows.map((row) => `<tr>${row.map((cell, i) => `<td${align(i)}>${escapeHtml(cell ?? '—')}</td>`).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${headers.length}">None in this period.</td></tr>`
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`
}
