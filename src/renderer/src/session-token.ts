// Browser mode's access token, read once when the page loads. The page served for Sieve's printed link
// holds it in a meta tag; it is kept in this tab's sessionStorage (which only this origin, port included,
// can read) so a reload still works, and the link's ?token= is taken out of the address bar and history.
// It is never a cookie: browsers send cookies to every port of a host. Every request to the engine
// (API calls, streams) sends it as X-Sieve-Token. The desktop app has no token: it talks over IPC.
const STORAGE_KEY = 'sieve-token'

function readToken(): string | null {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="sieve-token"]')
  const fromPage = meta?.content || null
  meta?.remove()
  const url = new URL(window.location.href)
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
  }
  try {
    if (fromPage) sessionStorage.setItem(STORAGE_KEY, fromPage)
    return fromPage ?? sessionStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage turned off: the token lives as long as this page.
    return fromPage
  }
}

const token = typeof document === 'undefined' ? null : readToken()

/** The headers that let a request through to the engine in browser mode. */
export function sieveHeaders(): Record<string, string> {
  return token ? { 'X-Sieve-Token': token } : {}
}

/** Whether this page was opened with Sieve's token (through the printed link, in this tab). */
export function hasSieveToken(): boolean {
  return token !== null
}
