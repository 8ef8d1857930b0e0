// Which importer a file needs, from its first few KiB and its name.
import { extname } from 'node:path'
import { UserError } from '../../errors'
import { readHead } from './file-input'

export const FILE_FORMATS = ['ndjson', 'csv', 'wxr', 'disqus'] as const
export type FileFormat = (typeof FILE_FORMATS)[number]

/** Enough for WordPress's long opening comment and the <rss> tag with its namespaces. */
export const HEAD_BYTES = 16 * 1024

export async function detectFormat(path: string): Promise<FileFormat> {
  return formatOf(path, await readHead(path, HEAD_BYTES))
}

/** The format of a file named `path` that starts with `head`; throws a UserError when it cannot tell. */
export function formatOf(path: string, head: string): FileFormat {
  const text = head.replace(/^\ufeff/, '').trimStart()
  const extension = extname(path).toLowerCase()
  const cannot = (why: string) =>
    new UserError(`Cannot tell the format of ${path}: ${why}. Name it with --format (${FILE_FORMATS.join(', ')}).`)
  if (text === '') throw cannot('it is empty')
  if (text.includes('\u0000')) throw cannot('it is a binary file, not text')
  if (text.startsWith('<')) {
    // The root tag, past the XML declaration, comments and a doctype.
    const root = /<(?![?!])([\w:.-]+)/.exec(text)?.[1]
    if (root === 'rss' && /wordpress\.org\/export\//.test(text)) return 'wxr'
    if (root === 'disqus') return 'disqus'
    throw cannot(
      `it is XML with the root element <${root ?? '?'}>, but neither a WordPress WXR export ` +
        '(<rss> with the wordpress.org/export namespace) nor a Disqus export (<disqus>)'
    )
  }
  if (text.startsWith('{')) return 'ndjson'
  if (text.startsWith('[')) throw cannot('it looks like a JSON array; Sieve reads NDJSON, one JSON object per line')
  if (['.ndjson', '.jsonl'].includes(extension)) return 'ndjson'
  if (['.xml', '.wxr'].includes(extension)) throw cannot('its name says XML but it does not start with a tag')
  return 'csv'
}
