/** Whether a URL may be opened: http(s) only, never javascript:, data:, file: or anything else. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}
