import type { Span } from '../../../shared/model'

/**
 * Comment text with the spans that drove its scores marked. Everything is rendered as React text
 * nodes: comment text is hostile input and never becomes HTML.
 */
export function HighlightedText({ text, spans }: { text: string; spans: Span[] }) {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > text.length) continue
    if (span.start > at) parts.push(text.slice(at, span.start))
    parts.push(
      <mark key={span.start} title={`${span.attribute}: ${span.signal}`} data-attribute={span.attribute}>
        {text.slice(span.start, span.end)}
      </mark>
    )
    at = span.end
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}
