// Reads labelled comments from NDJSON (one JSON object per line with `text` and `label`, 1 = should be
// removed), such as the demo queue or an export of a newsroom's decisions.
import { readFileSync } from 'node:fs'
import type { LabelledText } from '../linear-model'

export function readLabelledNdjson(path: string): LabelledText[] {
  const examples: LabelledText[] = []
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return
      const row = JSON.parse(line) as { text?: unknown; label?: unknown }
      if (typeof row.text !== 'string' || typeof row.label !== 'number') {
        throw new Error(`${path}:${i + 1}: every line needs a "text" string and a numeric "label".`)
      }
      examples.push({ text: row.text, label: row.label })
    })
  return examples
}
