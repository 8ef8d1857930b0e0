import type { Span, WordMatch } from '../../../shared/model'

interface Highlight {
  start: number
  end: number
  title: string
  kind: string
}

/**
 * Comment text with the spans that drove its scores and the publisher's listed words marked. Everything
 * is rendered as React text nodes: comment text is hostile input and never becomes HTML.
 */
export function HighlightedText({ text, spans, words = [] }: { text: string; spans: Span[]; words?: WordMatch[] }) {
  const highlights: Highlight[] = [
    ...words.map((word) => ({ start: word.start, end: word.end, title: `${word.list} word: ${word.word}`, kind: word.list })),
    ...spans.map((span) => ({ start: span.start, end: span.end, title: `${span.attribute}: ${span.signal}`, kind: span.attribute }))
  ]
  const parts: React.ReactNode[] = []
  let at = 0
  // Stable sort: where a listed word and a span start together, the word (the publisher's own rule) shows.
  for (const mark of highlights.sort((a, b) => a.start - b.start)) {
    if (mark.start < at || mark.end > text.length) continue
    if (mark.start > at) parts.push(text.slice(at, mark.start))
    parts.push(
      <mark key={mark.start} title={mark.title} data-attribute={mark.kind}>
        {text.slice(mark.start, mark.end)}
      </mark>
    )
    at = mark.end
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}
