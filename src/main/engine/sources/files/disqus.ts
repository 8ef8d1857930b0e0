// Disqus XML exports: <thread>s (the articles) and <post>s (the comments) under <disqus>. Streamed:
// only a map of thread id to title and link is held, since posts name their thread by id.
import { UserError } from '../../errors'
import type { IncomingComment } from '../store/comments'
import { optionalId, parseDate, requireId, requireText, shortText, stableAuthorId } from './fields'
import type { ParsedRecord } from './land-records'
import { htmlToPlainText } from './plain-text'
import { rawFields, type RawFields } from './raw-fields'
import { child, childText, xmlRecords, type XmlElement, type XmlHandler } from './xml-stream'

interface Thread {
  title: string | null
  link: string | null
}

export function disqusRecords(text: AsyncIterable<string>): AsyncGenerator<ParsedRecord> {
  return xmlRecords(text, (emit) => disqusHandler(emit))
}

function disqusHandler(emit: (record: ParsedRecord) => void): XmlHandler {
  const threads = new Map<string, Thread>()
  return {
    open(tag, depth) {
      if (depth === 0 && tag.local !== 'disqus') {
        throw new UserError(`This is not a Disqus export: its root element is <${tag.local}>, not <disqus>.`)
      }
      return depth === 1 && (tag.local === 'thread' || tag.local === 'post')
    },
    element(element) {
      if (element.local === 'thread') {
        const id = element.attributes.id
        if (id) threads.set(id, { title: shortText(childText(element, 'title')), link: shortText(childText(element, 'link')) })
        return
      }
      try {
        emit({ line: element.line, comment: toComment(element, threads) })
      } catch (error) {
        emit({ line: element.line, reason: error instanceof Error ? error.message : String(error) })
      }
    }
  }
}

/** The post fields Sieve models; every other child of <post> is kept in raw. */
const MODELLED = new Set(['message', 'createdAt', 'isDeleted', 'isSpam', 'author', 'thread', 'parent'])

function toComment(post: XmlElement, threads: Map<string, Thread>): IncomingComment {
  const externalId = requireId(post.attributes.id, "the post's dsq:id")
  const html = childText(post, 'message') ?? ''
  const text = requireText(htmlToPlainText(html, 'markup'), '<message>')
  const createdAt = parseDate(childText(post, 'createdAt'), '<createdAt>')
  const isDeleted = flag(post, 'isDeleted')
  const isSpam = flag(post, 'isSpam')
  const threadId = optionalId(child(post, 'thread')?.attributes.id, "the thread's dsq:id")
  const thread = threadId === null ? undefined : threads.get(threadId)
  const raw = rawFields()
  for (const field of post.children) {
    // <id> is the id the site gave the comment before Disqus (often empty): not Disqus's own.
    if (!MODELLED.has(field.local) && field.text.trim() !== '')
      raw[field.local === 'id' ? 'identifier' : field.local] = field.text.trim()
  }
  if (isDeleted) raw.isDeleted = true
  if (isSpam) raw.isSpam = true
  const author = authorOf(child(post, 'author'), raw)
  if (text !== html.trim()) raw.html = html
  return {
    externalId,
    text,
    author,
    article: threadId === null ? null : { externalId: threadId, title: thread?.title ?? null, url: thread?.link ?? null },
    parentExternalId: optionalId(child(post, 'parent')?.attributes.id, "the parent's dsq:id"),
    createdAt,
    modifiedAt: null,
    // An export holds published comments; Disqus's own removals are the deleted and the spam.
    upstreamStatus: isDeleted || isSpam ? 'removed' : 'approved',
    reports: 0,
    raw: Object.keys(raw).length > 0 ? raw : null
  }
}

function flag(post: XmlElement, name: string): boolean {
  const value = (childText(post, name) ?? '').trim().toLowerCase()
  if (value === '' || value === 'false' || value === '0') return false
  if (value === 'true' || value === '1') return true
  throw new Error(`<${name}> "${value.slice(0, 20)}" is neither true nor false`)
}

/**
 * A Disqus account by its username; a guest (isAnonymous) by a stable id from their email, else their
 * name. The author's other fields (email, anonymity) are kept in raw.
 */
function authorOf(author: XmlElement | undefined, raw: RawFields): IncomingComment['author'] {
  if (!author) return null
  const username = shortText(childText(author, 'username'))
  const name = shortText(childText(author, 'name')) ?? username
  const email = shortText(childText(author, 'email'))
  const anonymous = (childText(author, 'isAnonymous') ?? '').trim() === 'true'
  if (username) raw.username = username
  if (email) raw.email = email
  if (anonymous) raw.isAnonymous = true
  if (username && !anonymous) return { externalId: `disqus:${username}`, name }
  if (email) return { externalId: stableAuthorId('email', email), name }
  if (name) return { externalId: stableAuthorId('name', name), name }
  return null
}
