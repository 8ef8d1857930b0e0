import type { ExportedFile } from '../../../shared/api'
import { client } from '../api'

/** Hands a file the engine made to the browser as a download (PDFs arrive base64-encoded). */
export function downloadFile(file: ExportedFile): void {
  const body = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (char) => char.charCodeAt(0)) : file.content
  const url = URL.createObjectURL(new Blob([body], { type: file.mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Fetches the decision log from the engine and hands it to the browser as a file download. */
export async function downloadDecisionLog(format: 'csv' | 'json'): Promise<void> {
  downloadFile(await client.call('exportLog', { format }))
}
