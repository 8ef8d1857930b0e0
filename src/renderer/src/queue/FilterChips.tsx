// The view's filters as chips, each removable (a click on its ×, or Backspace for the last one).
import { chipsOf, withoutChip } from './filter-chips'
import type { Conditions } from './useQueue'

interface FilterChipsProps {
  conditions: Conditions
  names: { article?: string | null; author?: string | null }
  removeKey: string
  onConditions(conditions: Conditions): void
}

export function FilterChips({ conditions, names, removeKey, onConditions }: FilterChipsProps) {
  const chips = chipsOf(conditions, names)
  if (!chips.length) return null
  return (
    <div className="filter-bar">
      <ul className="chips" aria-label="Active filters">
        {chips.map((chip, index) => (
          <li key={chip.key} className="chip">
            {chip.label}
            <button
              aria-label={`Remove filter ${chip.label}`}
              title={index === chips.length - 1 && removeKey ? `Remove this filter (${removeKey})` : 'Remove this filter'}
              onClick={() => onConditions(withoutChip(conditions, chip.key))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button className="link" onClick={() => onConditions({})}>
        Clear all
      </button>
    </div>
  )
}
