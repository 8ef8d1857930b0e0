// A URL path as a file under a folder, or null when it would leave the folder. Browsers and URL parsers
// resolve "/../" before a request is made, but not "..%2f" or "..%5c": the path is decoded once here,
// backslashes read as separators (as Windows reads them), resolved, and kept only inside the folder.
import { resolve, sep } from 'node:path'

export function fileInside(folder: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const root = resolve(folder)
  const file = resolve(root, `./${decoded.replace(/\\/g, '/')}`)
  return file.startsWith(root + sep) ? file : null
}
