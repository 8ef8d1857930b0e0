// Streams an XML file through saxes and builds small element trees only for the parts a format asks
// for (a comment, a thread), so memory follows the largest record, not the file. saxes expands no
// external entities and loads no DTDs, so a hostile file cannot make it read other files.
import { SaxesParser, type SaxesTagNS } from 'saxes'
import type { ParsedRecord } from './land-records'

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
  let depth = 0
  parser.on('error', (error) => {
    throw new XmlSyntaxError(error.message.replace(/^\d+:\d+:\s*/, ''))
  })
  parser.on('opentag', (tag: SaxesTagNS) => {
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
      parent.children.push(element)
      building.push(element)
    } else if (events.open(element, depth)) building.push(element)
    depth++
  })
  const addText = (text: string) => {
    const current = building.at(-1)
    if (current) current.text += text
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', (tag: SaxesTagNS) => {
    depth--
    const element = building.pop()
    if (element && building.length === 0) events.element(element, depth)
    else if (!element) events.close?.({ local: tag.local, uri: tag.uri }, depth)
  })
  try {
    for await (const chunk of text) {
      parser.write(chunk)
      yield* pending
      pending = []
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
