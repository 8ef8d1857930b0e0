import { client } from '../api'

/** Fetches the decision log from the engine and hands it to the browser as a file download. */
export async function downloadDecisionLog(format: 'csv' | 'json'): Promise<void> {
  const file = await client.call('exportLog', { format })
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
