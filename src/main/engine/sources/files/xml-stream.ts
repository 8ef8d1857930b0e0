// Streams an XML file through saxes and builds small element trees only for the parts a format asks
// for (a comment, a thread), so memory follows the largest record, not the file; records and runs of
// text are capped (record-caps.ts). saxes expands no external entities and loads no DTDs, so a hostile
// file cannot make it read other files.
import { SaxesParser, type SaxesTagNS } from 'saxes'
import type { ParsedRecord } from './land-records'
import { characters, MAX_XML_RECORD, MAX_XML_RECORD_ELEMENTS, MAX_XML_RUN } from './record-caps'

export interface XmlName {
  /** The local name, e.g. `comment` for <wp:comment>. */
  local: string
  /** The namespace URI, '' for none. */
  uri: string
}

export interface XmlElement extends XmlName {
  /** Attribute values by local name (dsq:id is `id`), in a record without a prototype (the names are the file's). */
  attributes: Record<string, string>
  /** The element's own text and CDATA, concatenated; its children's text is in its children. */
  text: string
  children: XmlElement[]
  /** The line the start tag ends on. */
  line: number
}

export interface XmlHandler {
  /** Every start tag outside a captured element; true captures it (and all inside it) as one XmlElement. */
  open(tag: XmlElement, depth: number): boolean
  /** A captured element, complete. */
  element(element: XmlElement, depth: number): void
  /** The end of every element that was not captured. */
  close?(tag: XmlName, depth: number): void
}

/** An XML well-formedness error: it ends the import at its line, keeping what landed before. */
class XmlSyntaxError extends Error {}

/**
 * Feeds the text through a namespace-aware saxes parser and yields what the handler emits. A
 * malformed file yields one final rejection naming the line and stops: after a syntax error nothing
 * later in the file can be trusted.
 */
export async function* xmlRecords(
  text: AsyncIterable<string>,
  handler: (emit: (record: ParsedRecord) => void) => XmlHandler
): AsyncGenerator<ParsedRecord> {
  let pending: ParsedRecord[] = []
  const events = handler((record) => pending.push(record))
  const parser = new SaxesParser({ xmlns: true, position: true })
  // Captured elements being built, innermost last.
  const building: XmlElement[] = []
  /** What the captured record holds so far; once over a cap, it is refused and nothing more is kept. */
  let record = { chars: 0, elements: 0, overCap: null as string | null }
  let depth = 0
  /** Parser events so far: text between two of them is what saxes holds in memory. */
  let eventCount = 0
  parser.on('error', (error) => {
    throw new XmlSyntaxError(error.message.replace(/^\d+:\d+:\s*/, ''))
  })
  parser.on('opentag', (tag: SaxesTagNS) => {
    eventCount++
    const element: XmlElement = {
      local: tag.local,
      uri: tag.uri,
      attributes: attributesOf(tag),
      text: '',
      children: [],
      line: parser.line
    }
    const parent = building.at(-1)
    if (parent) {
      if (++record.elements > MAX_XML_RECORD_ELEMENTS) refuse(`holds more than ${MAX_XML_RECORD_ELEMENTS.toLocaleString('en-US')} elements (the XML record cap)`)
      if (record.overCap === null) parent.children.push(element)
      building.push(element)
    } else if (events.open(element, depth)) {
      building.push(element)
      record = { chars: 0, elements: 1, overCap: null }
    }
    depth++
  })
  const refuse = (why: string) => {
    if (record.overCap !== null) return
    record.overCap = why
    // Let go of what was kept: a refused record costs no more memory.
    for (const element of building) {
      element.children = []
      element.text = ''
    }
  }
  const addText = (text: string) => {
    eventCount++
    const current = building.at(-1)
    if (!current || record.overCap !== null) return
    record.chars += text.length
    if (record.chars > MAX_XML_RECORD) refuse(`holds more than ${characters(MAX_XML_RECORD)} of text (the XML record cap)`)
    else current.text += text
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  for (const name of ['comment', 'processinginstruction', 'doctype'] as const) parser.on(name, () => eventCount++)
  parser.on('closetag', (tag: SaxesTagNS) => {
    eventCount++
    depth--
    const element = building.pop()
    if (element && building.length === 0) {
      if (record.overCap === null) events.element(element, depth)
      else pending.push({ line: element.line, reason: `the <${element.local}> ${record.overCap}; it was skipped` })
    } else if (!element) events.close?.({ local: tag.local, uri: tag.uri }, depth)
  })
  /** Characters written since the last event (to within one chunk). */
  let run = 0
  try {
    for await (const chunk of text) {
      const before = eventCount
      parser.write(chunk)
      run = eventCount === before ? run + chunk.length : 0
      yield* pending
      pending = []
      if (run > MAX_XML_RUN) {
        const where = building[0] ? `the <${building[0].local}> on this line holds ` : ''
        yield {
          line: building[0]?.line ?? parser.line,
          reason: `${where}a run of text, CDATA, comment or attribute longer than ${characters(MAX_XML_RUN)} (the XML text cap); nothing after this line was read`
        }
        return
      }
    }
    parser.close()
    yield* pending
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error
    yield* pending
    yield { line: parser.line, reason: `the file is not well-formed XML (${error.message}); nothing after this line was read` }
  }
}

function attributesOf(tag: SaxesTagNS): Record<string, string> {
  const attributes = Object.create(null) as Record<string, string>
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') attributes[attribute.local] = attribute.value
  }
  return attributes
}

/** The text of the first child with this local name (and namespace, when given), or null. */
export function childText(element: XmlElement, local: string, uri?: string): string | null {
  const child = element.children.find((c) => c.local === local && (uri === undefined || c.uri === uri))
  return child ? child.text : null
}

export function child(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local)
}
