// Sieve's own pages on the desktop: the app:// scheme that serves the built renderer, and which URLs are
// Sieve's (the only ones a window may navigate to and IPC answers). Kept apart from Electron so the
// rules index.ts uses are the rules the tests check.
import { fileInside } from './transport/file-inside'

export const APP_ORIGIN = 'app://sieve'

/** Whether a URL is one of Sieve's own pages: app://sieve/…, or the dev server's origin in development. */
export function isTrustedUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'app:') return parsed.host === 'sieve' && parsed.username === '' && parsed.password === ''
  return devServerUrl !== undefined && parsed.origin !== 'null' && parsed.origin === new URL(devServerUrl).origin
}

/** The renderer file an app:// request asks for, or null when it is not one (another host, a way out of the folder). */
export function rendererFileFor(rendererDir: string, requestUrl: string): string | null {
  const url = new URL(requestUrl)
  if (!isTrustedUrl(requestUrl)) return null
  return fileInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname)
}
