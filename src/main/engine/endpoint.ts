// Where Sieve may send a credential. A key or password belongs to the origin (scheme, host and port) it
// was entered for and is never sent anywhere else; plain http carries it in the clear, so it is only for a
// server on this machine.

/** The origin a URL sends to, e.g. "https://api.openai.com". */
export function originOf(url: string): string {
  return new URL(url).origin
}

/** localhost, 127.0.0.0/8 and ::1: the only hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** Why Sieve will not send credentials to this URL, or null when it will (https, or http on loopback). */
export function insecureEndpoint(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return `"${url}" is not a URL`
  }
  if (parsed.protocol === 'https:') return null
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return null
  if (parsed.protocol === 'http:') return `${parsed.origin} is plain http, which would carry the credential in the clear: use https (plain http only for a server on this machine: localhost, 127.0.0.1, ::1)`
  return `${parsed.protocol} is not http(s)`
}
