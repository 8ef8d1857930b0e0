// Which CSV column holds which comment field: given by the user, or guessed from common header names.
import { UserError } from '../../errors'

/** Comment fields, each naming the CSV header of the column that holds it ('' for "not in this file"). */
export type CsvMapping = {
  id: string
  text: string
  authorId?: string
  authorName?: string
  /** Only gives a guest a stable author id; the address itself stays in raw, as Sieve does not model it. */
  authorEmail?: string
  articleId?: string
  articleTitle?: string
  articleUrl?: string
  parentId?: string
  createdAt?: string
  modifiedAt?: string
  status?: string
  reports?: string
}

export type CsvField = keyof CsvMapping

/** Header names to guess from, best first, compared lowercase without spaces, dashes or underscores. */
const GUESSES: Record<CsvField, string[]> = {
  id: ['commentid', 'id', 'commentuuid', 'uuid', 'messageid'],
  text: ['text', 'body', 'content', 'comment', 'message', 'commenttext', 'commentcontent', 'commentbody', 'messagebody'],
  authorId: ['authorid', 'userid', 'commentuserid', 'username', 'authorusername'],
  authorName: ['authorname', 'author', 'name', 'user', 'commentauthor', 'displayname'],
  authorEmail: ['authoremail', 'email', 'commentauthoremail', 'useremail'],
  articleId: ['articleid', 'postid', 'commentpostid', 'storyid', 'threadid', 'pageid'],
  articleTitle: ['articletitle', 'title', 'posttitle', 'storytitle', 'threadtitle', 'headline'],
  articleUrl: ['articleurl', 'url', 'link', 'posturl', 'storyurl', 'permalink', 'threadlink', 'pageurl'],
  parentId: ['parentid', 'parent', 'commentparent', 'parentcommentid', 'inreplyto', 'replyto'],
  createdAt: ['createdat', 'created', 'commentdategmt', 'date', 'datetime', 'timestamp', 'time', 'postedat', 'commentdate'],
  modifiedAt: ['modifiedat', 'updatedat', 'modified', 'updated', 'editedat'],
  status: ['status', 'state', 'commentapproved', 'approved', 'moderationstatus'],
  reports: ['reports', 'reportcount', 'flags', 'flagcount', 'numreports']
}

const FIELD_NAMES: Record<CsvField, string> = {
  id: 'the comment id',
  text: 'the comment text',
  authorId: "the author's id",
  authorName: "the author's name",
  authorEmail: "the author's email",
  articleId: "the article's id",
  articleTitle: "the article's title",
  articleUrl: "the article's url",
  parentId: "the parent comment's id",
  createdAt: 'the creation date',
  modifiedAt: 'the modification date',
  status: 'the status',
  reports: 'the report count'
}

const normalize = (header: string) => header.toLowerCase().replace(/[\s_\-.]+/g, '')

/** Column indexes by field; fields without a column are absent. */
export type ColumnIndexes = Partial<Record<CsvField, number>>

/**
 * Resolves the mapping against the header row. Fields the caller maps must name a header; the others
 * are guessed. Throws a UserError naming what is missing and the columns there are.
 */
export function resolveMapping(
  header: string[],
  given: Partial<CsvMapping> = {}
): { mapping: CsvMapping; columns: ColumnIndexes } {
  const trimmed = header.map((name) => name.trim())
  const columns: ColumnIndexes = {}
  const taken = new Set<number>()
  const list = () => trimmed.map((name) => `"${name}"`).join(', ')
  for (const field of Object.keys(GUESSES) as CsvField[]) {
    const name = given[field]
    if (name === undefined || name.trim() === '') continue
    const index = trimmed.indexOf(name.trim())
    if (index < 0) {
      throw new UserError(`The CSV has no column "${name}" (mapped to ${FIELD_NAMES[field]}); its columns are ${list()}.`)
    }
    columns[field] = index
    taken.add(index)
  }
  for (const field of Object.keys(GUESSES) as CsvField[]) {
    // A field mapped to '' is one the caller says the file does not have: no guessing.
    if (columns[field] !== undefined || given[field] !== undefined) continue
    for (const guess of GUESSES[field]) {
      const index = trimmed.findIndex((name, i) => !taken.has(i) && normalize(name) === guess)
      if (index >= 0) {
        columns[field] = index
        taken.add(index)
        break
      }
    }
  }
  const missing = (field: 'id' | 'text'): never => {
    throw new UserError(
      `The CSV has no column for ${FIELD_NAMES[field]} (looked for ${GUESSES[field].join(', ')}); ` +
        `its columns are ${list()}. Name the column in the mapping (${field}: "<header>").`
    )
  }
  const id = columns.id ?? missing('id')
  const text = columns.text ?? missing('text')
  const named: Partial<CsvMapping> = Object.fromEntries(Object.entries(columns).map(([field, index]) => [field, trimmed[index]]))
  return { mapping: { ...named, id: trimmed[id], text: trimmed[text] }, columns }
}
