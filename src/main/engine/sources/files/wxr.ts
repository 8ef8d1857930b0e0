// WordPress WXR export files: RSS 2.0 where each <item> is a post and its <wp:comment>s are the
// comments. Streamed: only the current post's title, link and id are held, and a comment is
// converted the moment it closes.
import { UserError } from '../../errors'
import type { IncomingComment } from '../store/comments'
import type { Status } from '../../../../shared/model'
import { optionalId, parseDate, parseStatus, requireId, requireText, shortText, stableAuthorId } from './fields'
import type { ParsedRecord } from './land-records'
import { htmlToPlainText } from './plain-text'
import { rawFields, type RawFields } from './raw-fields'
import { xmlRecords, type XmlElement, type XmlHandler } from './xml-stream'

/** WXR versions 1.0 to 1.2 name their namespace http://wordpress.org/export/1.x/. */
const isWordPress = (uri: string) => /^https?:\/\/wordpress\.org\/export\/[^/]+\/?$/.test(uri)

interface Post {
  depth: number
  id: string | null
  title: string | null
  link: string | null
  /** Comments met before the post's id (WordPress writes the id first; hand-made files may not). */
  waiting: XmlElement[]
}

export function wxrRecords(text: AsyncIterable<string>): AsyncGenerator<ParsedRecord> {
  return xmlRecords(text, (emit) => wxrHandler(emit))
}

function wxrHandler(emit: (record: ParsedRecord) => void): XmlHandler {
  let post: Post | null = null
  const land = (element: XmlElement, of: Post) => emit(toRecord(element, of))
  return {
    open(tag, depth) {
      if (depth === 0 && tag.local !== 'rss') {
        throw new UserError(`This is not a WordPress WXR export: its root element is <${tag.local}>, not <rss>.`)
      }
      if (tag.local === 'item' && tag.uri === '') {
        post = { depth, id: null, title: null, link: null, waiting: [] }
        return false
      }
      if (!post || depth !== post.depth + 1) return false
      if (tag.uri === '') return tag.local === 'title' || tag.local === 'link'
      return isWordPress(tag.uri) && (tag.local === 'post_id' || tag.local === 'comment')
    },
    element(element) {
      if (!post) return
      if (element.local === 'comment') {
        if (post.id === null) post.waiting.push(element)
        else land(element, post)
      } else if (element.local === 'post_id') post.id = element.text.trim() || null
      else if (element.local === 'title') post.title = shortText(element.text)
      else if (element.local === 'link') post.link = shortText(element.text)
    },
    close(tag, depth) {
      if (post && tag.local === 'item' && depth === post.depth) {
        for (const element of post.waiting) land(element, post)
        post = null
      }
    }
  }
}

/** Said of a comment whose export gives no status: WordPress's own importer test data has such comments. */
const NO_STATUS = 'no <wp:comment_approved>: imported as pending, to be reviewed'

function toRecord(element: XmlElement, post: Post): ParsedRecord {
  try {
    const { comment, statusGiven } = toComment(element, post)
    return statusGiven ? { line: element.line, comment } : { line: element.line, comment, note: NO_STATUS }
  } catch (error) {
    return { line: element.line, reason: error instanceof Error ? error.message : String(error) }
  }
}

/** The comment fields Sieve models; every other child of <wp:comment> is kept in raw. */
const MODELLED = new Set([
  'comment_id',
  'comment_author',
  'comment_date_gmt',
  'comment_content',
  'comment_approved',
  'comment_parent',
  'comment_user_id',
  'commentmeta'
])
/** Short raw names for the unmodelled fields every export has. */
const RAW_NAMES = new Map([
  ['comment_author_email', 'email'],
  ['comment_author_url', 'url'],
  ['comment_author_IP', 'ip'],
  ['comment_date', 'localDate'],
  ['comment_type', 'type']
])

const APPROVED = new Map<string, Status>([
  ['1', 'approved'],
  ['0', 'pending'],
  ['spam', 'removed'],
  ['trash', 'removed']
])

function toComment(element: XmlElement, post: Post): { comment: IncomingComment; statusGiven: boolean } {
  const fields = new Map<string, string>()
  const raw = rawFields()
  for (const child of element.children) {
    if (!isWordPress(child.uri)) continue
    if (child.local === 'commentmeta') addMeta(raw, child)
    else if (!fields.has(child.local)) fields.set(child.local, child.text)
  }
  const field = (name: string) => fields.get(name) ?? ''
  const externalId = requireId(field('comment_id'), 'wp:comment_id')
  const html = field('comment_content')
  const text = requireText(htmlToPlainText(html, 'typed'), 'wp:comment_content')
  const approved = field('comment_approved').trim()
  // Without a status the comment has been through no moderation Sieve knows of: it needs review.
  const statusGiven = approved !== ''
  const upstreamStatus = statusGiven ? (APPROVED.get(approved) ?? parseStatus(approved, 'wp:comment_approved')) : 'pending'
  const createdAt = parseDate(field('comment_date_gmt'), 'wp:comment_date_gmt')
  const parent = field('comment_parent').trim()
  for (const [name, value] of fields) {
    if (!MODELLED.has(name) && value.trim() !== '') raw[RAW_NAMES.get(name) ?? name] = value.trim()
  }
  if (text !== html.trim()) raw.html = html
  const articleId = post.id ?? post.link
  const comment: IncomingComment = {
    externalId,
    text,
    author: authorOf(field('comment_user_id').trim(), shortText(field('comment_author')), field('comment_author_email').trim()),
    article: articleId ? { externalId: articleId, title: post.title, url: post.link } : null,
    parentExternalId: parent === '0' ? null : optionalId(parent, 'wp:comment_parent'),
    createdAt,
    modifiedAt: null,
    upstreamStatus,
    reports: 0,
    raw: Object.keys(raw).length > 0 ? raw : null
  }
  return { comment, statusGiven }
}

/** A registered user by their WordPress id; a guest by a stable id from their email, else their name. */
function authorOf(userId: string, name: string | null, email: string): IncomingComment['author'] {
  if (userId !== '' && userId !== '0') return { externalId: `user:${requireId(userId, 'wp:comment_user_id')}`, name }
  if (email !== '') return { externalId: stableAuthorId('email', email), name }
  if (name !== null) return { externalId: stableAuthorId('name', name), name }
  return null
}

/** <wp:commentmeta> pairs as raw.meta[key]; a key that repeats keeps all its values in a list. */
function addMeta(raw: RawFields, meta: XmlElement) {
  const key = meta.children.find((c) => c.local === 'meta_key')?.text.trim()
  if (!key) return
  const value = meta.children.find((c) => c.local === 'meta_value')?.text ?? ''
  const all = (raw.meta ??= rawFields()) as RawFields
  const before = all[key]
  all[key] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value]
}
