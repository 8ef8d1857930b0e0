// Comment HTML as the plain text a reader sees. The HTML is hostile: it is only parsed into text by
// html-to-text (scripts and styles are dropped, nothing is evaluated or fetched), never rendered.
import { compile, type HtmlToTextOptions } from 'html-to-text'
import { Parser } from 'htmlparser2'

/**
 * How deep elements may nest. html-to-text walks the tree recursively, and a few thousand nested <b>
 * (a 9 KB comment anyone can post) overflow the stack; its own `limits.maxDepth` would instead drop the
 * deeper text without a word, hiding it from the moderator. So deeper HTML is refused, saying why.
 */
export const MAX_HTML_DEPTH = 100

const options: HtmlToTextOptions = {
  // Lines are the moderator's view to wrap; the text keeps the author's own breaks only.
  wordwrap: false,
  selectors: [
    // A link's target is what a spammer hides, so it stays visible unless it is the link text itself.
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } }
  ]
}

/** For HTML whose line breaks are markup (<p>, <br>), as Disqus stores messages. */
const fromHtml = compile(options)
/**
 * For WordPress comment content: stored as typed, with WordPress adding <p> and <br> only when it
 * shows them (wpautop), so the typed newlines are the paragraphs.
 */
const fromWordPress = compile({ ...options, preserveNewlines: true })

/** The text of comment HTML; throws an Error saying why when the HTML nests deeper than MAX_HTML_DEPTH. */
export function htmlToPlainText(html: string, newlines: 'markup' | 'typed' = 'markup'): string {
  // Cheap path for the common comment that has no markup at all.
  if (!/[<&]/.test(html)) return tidy(collapse(html, newlines))
  if (tagsAtLeast(html, MAX_HTML_DEPTH + 1) && nestsDeeperThan(html, MAX_HTML_DEPTH)) {
    throw new Error(`its HTML nests elements more than ${MAX_HTML_DEPTH} deep, past what Sieve converts to text`)
  }
  return tidy((newlines === 'typed' ? fromWordPress : fromHtml)(html))
}

/** Whether the HTML has at least `count` "<" (so could nest that deep): most comments have a handful. */
function tagsAtLeast(html: string, count: number): boolean {
  let at = -1
  for (let found = 0; found < count; found++) {
    at = html.indexOf('<', at + 1)
    if (at < 0) return false
  }
  return true
}

/**
 * Whether the element tree html-to-text would build goes deeper than `limit`: the same parser
 * (htmlparser2), driven by its events rather than recursion, so any depth costs no stack.
 */
function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0
  let deepest = 0
  const parser = new Parser({
    onopentag: () => (deepest = Math.max(deepest, ++depth)),
    onclosetag: () => depth--
  })
  parser.end(html)
  return deepest > limit
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** What html-to-text does to whitespace in text without markup, done without parsing. */
function collapse(text: string, newlines: 'markup' | 'typed'): string {
  // HTML's whitespace only (a no-break space is text the author typed); a CR is whitespace, not a break.
  if (newlines === 'markup') return text.replace(/[ \t\n\f\r]+/g, ' ')
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r]+/g, ' ').replace(/^ | $/g, ''))
    .join('\n')
}
