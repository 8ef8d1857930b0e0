// The view's filters as chips (each removable), its saved views, and the comments waiting behind "N new".
import { useState } from 'react'
import type { SavedView } from '../../../shared/settings'
import { chipsOf, withoutChip } from './filter-chips'
import type { Conditions, View } from './useQueue'

interface FilterBarProps {
  view: View
  names: { article?: string | null; author?: string | null }
  savedViews: SavedView[]
  arrived: number
  filterKey: string
  onConditions(conditions: Conditions): void
  onOpenFilters(): void
  onOpenView(view: SavedView): void
  onSaveView(name: string): void
  onDeleteView(name: string): void
  onShowArrived(): void
}

export function FilterBar(props: FilterBarProps) {
  const { view, names, savedViews, arrived, filterKey, onConditions, onOpenFilters, onOpenView, onSaveView, onDeleteView, onShowArrived } = props
  const chips = chipsOf(view.conditions, names)
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const save = () => {
    if (name.trim()) onSaveView(name.trim())
    setNaming(false)
    setName('')
  }
  return (
    <div className="filter-bar" role="region" aria-label="Filters">
      <button onClick={onOpenFilters} title={`Filter the view (${filterKey})`}>
        Filters…
      </button>
      <ul className="chips" aria-label="Active filters">
        {chips.map((chip) => (
          <li key={chip.key} className="chip">
            {chip.label}
            <button aria-label={`Remove filter ${chip.label}`} title="Remove this filter" onClick={() => onConditions(withoutChip(view.conditions, chip.key))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {arrived > 0 && (
        <button className="arrived" onClick={onShowArrived} title="Show the comments that arrived; the cursor stays where it is">
          {arrived.toLocaleString()} new
        </button>
      )}
      <span className="spacer" />
      <label>
        View{' '}
        <select
          aria-label="Saved views"
          value=""
          onChange={(event) => {
            const picked = savedViews.find((saved) => saved.name === event.target.value)
            if (picked) onOpenView(picked)
          }}
        >
          <option value="">{savedViews.length ? 'open a saved view…' : 'no saved views yet'}</option>
          {savedViews.map((saved) => (
            <option key={saved.name}>{saved.name}</option>
          ))}
        </select>
      </label>
      {naming ? (
        <input
          autoFocus
          aria-label="Name of the view"
          placeholder="Name, then Enter"
          value={name}
          maxLength={80}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save()
            if (event.key === 'Escape') setNaming(false)
          }}
          onBlur={() => setNaming(false)}
        />
      ) : (
        <button onClick={() => setNaming(true)} title="Save this queue, its filters and sort under a name">
          Save view…
        </button>
      )}
      {savedViews.some((saved) => saved.name === name) && <span className="muted">replaces the view of that name</span>}
      {savedViews.length > 0 && (
        <details className="manage-views">
          <summary>Manage</summary>
          <ul>
            {savedViews.map((saved) => (
              <li key={saved.name}>
                {saved.name} <button aria-label={`Delete view ${saved.name}`} onClick={() => onDeleteView(saved.name)}>Delete</button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
