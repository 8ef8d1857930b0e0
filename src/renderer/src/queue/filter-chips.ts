// How each filter condition reads as a chip, and how removing the chip changes the conditions.
import type { Conditions } from './useQueue'

export interface Chip {
  key: keyof Conditions
  label: string
}

const day = (iso: string) => iso.slice(0, 10)

function range(bounds: { gte?: number; gt?: number; lte?: number; lt?: number }): string {
  const low = bounds.gte ?? bounds.gt
  const high = bounds.lte ?? bounds.lt
  if (low !== undefined && high !== undefined) return `${low}–${high}`
  return low !== undefined ? `≥ ${low}` : `< ${high}`
}

export function chipsOf(conditions: Conditions, names: { article?: string | null; author?: string | null } = {}): Chip[] {
  const chips: Chip[] = []
  if (conditions.article !== undefined) chips.push({ key: 'article', label: `Article: ${names.article ?? conditions.article}` })
  if (conditions.author !== undefined) chips.push({ key: 'author', label: `Author: ${names.author ?? conditions.author}` })
  if (conditions.source !== undefined) chips.push({ key: 'source', label: `Source: ${conditions.source}` })
  if (conditions.score) {
    const { attribute, ...bounds } = conditions.score
    chips.push({ key: 'score', label: `${attribute ? attribute.toLowerCase().replace(/_/g, ' ') : 'Score'} ${range(bounds)}` })
  }
  if (conditions.reports) chips.push({ key: 'reports', label: `Reports ${range(conditions.reports)}` })
  if (conditions.since) chips.push({ key: 'since', label: `From ${day(conditions.since)}` })
  if (conditions.until) chips.push({ key: 'until', label: `Before ${day(conditions.until)}` })
  if (conditions.sync) chips.push({ key: 'sync', label: `Sync: ${conditions.sync}` })
  if (conditions.words) chips.push({ key: 'words', label: conditions.words === 'any' ? 'Word lists: any match' : `Word list: ${conditions.words}` })
  return chips
}

export function withoutChip(conditions: Conditions, key: keyof Conditions): Conditions {
  const { [key]: _removed, ...rest } = conditions
  return rest
}
