// Comment HTML as the plain text a reader sees. The HTML is hostile: it is only parsed into text by
// html-to-text (scripts and styles are dropped, nothing is evaluated or fetched), never rendered.
import { compile, type HtmlToTextOptions } from 'html-to-text'

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

export function htmlToPlainText(html: string, newlines: 'markup' | 'typed' = 'markup'): string {
  // Cheap path for the common comment that has no markup at all.
  const text = /[<&]/.test(html) ? (newlines === 'typed' ? fromWordPress : fromHtml)(html) : collapse(html, newlines)
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
