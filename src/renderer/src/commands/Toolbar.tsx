// The toolbar: the action bar's decisions with their keys, what is selected, the comments waiting behind
// "N new", the search, the sort, Filters, Views and the More menu. Every button is a command of the table,
// with its key in the tooltip; a decision is greyed out while there is no comment to decide on.
import type { Ref } from 'react'
import type { SortKey } from '../../../shared/model'
import { keysFor, type Binding } from '../keyboard/keymap'
import { MoreMenu, type MenuItem, type MoreMenuHandle } from '../MoreMenu'
import { SearchBox } from '../queue/SearchBox'
import type { QueueState } from '../queue/useQueue'
import { ACTION_BAR, command, MENU, TOOLBAR, type Command } from './commands'

const SORT_LABELS: Record<SortKey, string> = { priority: 'Worst first', newest: 'Newest', oldest: 'Oldest', reports: 'Most reported', teach: 'Least sure first' }

function tooltip(keymap: Binding[], id: Command): string {
  const binding = keymap.find((candidate) => candidate.command === id)
  const keys = keysFor(keymap, id)
  return `${binding?.label ?? id}${keys ? ` (${keys})` : ''}`
}

interface ToolbarProps {
  state: QueueState
  keymap: Binding[]
  run: Record<Command, () => void>
  targetCount: number
  onClearSelection(): void
  onSearch(text: string | null): void
  searchBox: Ref<HTMLInputElement>
  moreMenu: Ref<MoreMenuHandle>
}

export function Toolbar({ state, keymap, run, targetCount, onClearSelection, onSearch, searchBox, moreMenu }: ToolbarProps) {
  const enabled = (id: Command) => !command(id).needsTarget || targetCount > 0
  const label = (id: Command) => command(id).button ?? id
  const menuGroups = MENU.map(({ label: group, commands }) => ({
    label: group,
    items: commands.map((id): MenuItem => ({ id, label: label(id), title: tooltip(keymap, id), disabled: !enabled(id), run: run[id] }))
  }))
  const selection =
    state.matching !== null
      ? `All ${state.matching.count.toLocaleString()} in this ${state.matching.filter.score ? 'band' : state.search ? 'search' : 'queue'} selected`
      : state.selected.size
        ? `${state.selected.size.toLocaleString()} selected`
        : null

  return (
    <div className="toolbar" role="toolbar" aria-label="Actions">
      {ACTION_BAR.map((id) => (
        <button
          key={id}
          className="action"
          onClick={run[id]}
          disabled={!enabled(id)}
          title={tooltip(keymap, id)}
          aria-keyshortcuts={keysFor(keymap, id) || undefined}
        >
          {label(id)} <kbd aria-hidden="true">{keysFor(keymap, id).split(' / ')[0]}</kbd>
        </button>
      ))}
      {selection && (
        <span className="selection" aria-live="polite">
          {selection} — Esc clears
          <button aria-label="Clear the selection" title="Clear the selection (Esc)" onClick={onClearSelection}>
            ×
          </button>
        </span>
      )}
      {state.arrived > 0 && (
        <button className="arrived" onClick={run.showArrived} title={`Show the comments that arrived; the cursor stays where it is (${keysFor(keymap, 'showArrived')})`}>
          {state.arrived.toLocaleString()} new
        </button>
      )}
      <span className="spacer" />
      <SearchBox ref={searchBox} value={state.search} onSearch={onSearch} />
      {state.search ? (
        <span className="muted" title="Search results come newest-added first">
          Newest added
        </span>
      ) : (
        <button onClick={run.sort} title={tooltip(keymap, 'sort')} aria-label={`Sort: ${SORT_LABELS[state.sort]}`}>
          {SORT_LABELS[state.sort]}
        </button>
      )}
      {TOOLBAR.map((id) => (
        <button key={id} onClick={run[id]} title={tooltip(keymap, id)}>
          {label(id)}
        </button>
      ))}
      <MoreMenu ref={moreMenu} groups={menuGroups} />
    </div>
  )
}
