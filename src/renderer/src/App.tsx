import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Session } from '../../shared/api'
import { QUEUE_LABELS, QUEUES, type Action, type Policy, type QueueId, type SortKey } from '../../shared/model'
import { client } from './api'
import { useEngineEvent } from './engine-events'
import { DetailPane } from './detail/DetailPane'
import { ImportDialog } from './import/ImportDialog'
import { HelpOverlay } from './keyboard/HelpOverlay'
import { keysFor, type Binding, type Command } from './keyboard/keymap'
import { useKeyboard } from './keyboard/useKeyboard'
import { MoreMenu, type MenuItem, type MoreMenuHandle } from './MoreMenu'
import { constantColumns, QueueTable, type QueueTableHandle } from './queue/QueueTable'
import { QueueTabs } from './queue/QueueTabs'
import { ConfirmDialog } from './queue/ConfirmDialog'
import { NoteDialog } from './queue/NoteDialog'
import { ClausePicker, sharedSuggestion } from './queue/ClausePicker'
import { SearchBox } from './queue/SearchBox'
import { Pace } from './queue/Pace'
import { standing } from './queue/pace-tally'
import { ScoreBands, bandScore, type Band } from './queue/ScoreBands'
import { useClaims } from './team/useClaims'
import { useQueue, viewFilter } from './queue/useQueue'
import { downloadDecisionLog } from './reports/download'
import { ReportsDialog } from './reports/ReportsDialog'
import { effectiveKeymap, KeymapSettings } from './settings/KeymapSettings'
import { DEFAULT_KEYMAP_SETTING, DEFAULT_TABLE_LAYOUT, type KeymapSetting, type SavedView, type TableLayout } from '../../shared/settings'
import { ColumnsDialog } from './queue/ColumnsDialog'
import { useDebounced } from './useDebounced'
import { SourcesDialog } from './sources/SourcesDialog'
import { FilterChips } from './queue/FilterChips'
import { FilterDialog } from './queue/FilterDialog'
import { SavedViewsDialog } from './queue/SavedViewsDialog'
import { UndoToast } from './queue/UndoToast'
import { ScoringSettings } from './settings/ScoringSettings'

interface PendingDecision {
  action: Action
  clause?: string
  note?: string
}
type Overlay =
  | { kind: 'help' | 'keymap' | 'columns' | 'picker' | 'import' | 'escalate' | 'filters' | 'scoring' | 'sources' | 'reports' | 'views' }
  | ({ kind: 'confirm' } & PendingDecision)
  | null

const SORT_LABELS: Record<SortKey, string> = { priority: 'Worst first', newest: 'Newest', oldest: 'Oldest', reports: 'Most reported', teach: 'Least sure first' }

const ACTION_LABELS: Record<Action, string> = { approve: 'Approve', remove: 'Remove', disable: 'Disable', enable: 'Re-enable' }

/** What a command's button says; the key map's label is the long form, shown in the tooltip and the `?` overlay. */
const BUTTON_LABELS: Partial<Record<Command, string>> = {
  approve: 'Approve',
  remove: 'Remove…',
  disable: 'Disable',
  escalate: 'Escalate…',
  enable: 'Re-enable',
  undo: 'Undo',
  redo: 'Redo',
  selectAllMatching: 'Select all in this view',
  toggleBands: 'Score bands',
  previousArticle: '◀ Previous article',
  nextArticle: 'Next article ▶',
  import: 'Import…',
  sources: 'Sources…',
  exportCsv: 'Export log (CSV)',
  exportJson: 'Export log (JSON)',
  reports: 'Reports…',
  scoring: 'Scoring…',
  columns: 'Columns…',
  keys: 'Keys…',
  help: 'Key map (?)'
}

/** The one action bar: the decisions a moderator makes all day. Everything else is in the menu. */
const PRIMARY: Command[] = ['approve', 'remove', 'disable', 'escalate']
const MENU: { label: string; commands: Command[] }[] = [
  { label: 'Decide', commands: ['enable', 'undo', 'redo', 'selectAllMatching', 'toggleBands', 'previousArticle', 'nextArticle'] },
  { label: 'Comments and reports', commands: ['import', 'sources', 'reports', 'exportCsv', 'exportJson'] },
  { label: 'Settings', commands: ['scoring', 'columns', 'keys', 'help'] }
]

function tooltip(keymap: Binding[], command: Command): string {
  const binding = keymap.find((candidate) => candidate.command === command)
  const keys = keysFor(keymap, command)
  return `${binding?.label ?? command}${keys ? ` (${keys})` : ''}`
}

export function App() {
  const queue = useQueue('review')
  const { state } = queue
  const [policy, setPolicy] = useState<Policy | null>(null)
  const [session, setSession] = useState<Session | null>(null)
  useClaims(Boolean(session?.team), state.rows, state.cursor, queue.markClaims)
  const [overlay, setOverlay] = useState<Overlay>(null)
  const [fatal, setFatal] = useState<string | null>(null)
  const [detailOpen, setDetailOpen] = useState(false)
  const searchBox = useRef<HTMLInputElement>(null)
  const table = useRef<QueueTableHandle>(null)
  const moreMenu = useRef<MoreMenuHandle>(null)
  const [keymapSetting, setKeymapSetting] = useState<KeymapSetting>(DEFAULT_KEYMAP_SETTING)
  const keymap = useMemo(() => effectiveKeymap(keymapSetting), [keymapSetting])
  const [layout, setLayout] = useState<TableLayout>(DEFAULT_TABLE_LAYOUT)
  const saveLayout = useDebounced((next: TableLayout) => void client.call('saveTableLayout', next), 400)
  const changeLayout = useCallback(
    (next: TableLayout) => {
      setLayout(next)
      saveLayout(next)
    },
    [saveLayout]
  )
  const [bandsOpen, setBandsOpen] = useState(false)
  const [band, setBand] = useState<Band>({ attribute: null, low: 0, high: 3 })
  const [savedViews, setSavedViews] = useState<SavedView[]>([])
  const saveViews = (views: SavedView[]) => void client.call('saveSavedViews', views).then(setSavedViews)

  useEffect(() => {
    Promise.all([client.call('policy', {}), client.call('session', {}), client.call('keymap', {}), client.call('tableLayout', {}), client.call('savedViews', {})])
      .then(([loadedPolicy, loadedSession, loadedKeymap, loadedLayout, loadedViews]) => {
        setPolicy(loadedPolicy)
        setSession(loadedSession)
        setKeymapSetting(loadedKeymap)
        setLayout(loadedLayout)
        setSavedViews(loadedViews)
      })
      .catch((error: Error) => setFatal(error.message))
    void queue.start()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the window opens
  }, [])

  // What changes anywhere reaches this window as the engine's events: no polling.
  useEngineEvent('countsChanged', queue.takeCounts, queue.catchUp)
  useEngineEvent('commentsArrived', () => void queue.countArrivals().catch(() => {}))
  useEngineEvent('commentsDecided', (batch) => void queue.decidedElsewhere(batch))
  useEngineEvent('settingsChanged', ({ key }) => {
    if (key === 'keymap') void client.call('keymap', {}).then(setKeymapSetting)
    if (key === 'savedViews') void client.call('savedViews', {}).then(setSavedViews)
  })

  // The grid has the focus from the start, so the first key moves in it and a screen reader is in it.
  const hasRows = state.rows.length > 0
  useEffect(() => {
    if (hasRows && (document.activeElement === document.body || document.activeElement === null)) table.current?.focus()
  }, [hasRows])

  const targetCount = state.matching?.count ?? (state.selected.size || (state.rows[state.cursor] ? 1 : 0))
  /** The comments the clause picker asks about (none listed for a whole view's matches). */
  const removing =
    overlay?.kind !== 'picker' || state.matching
      ? []
      : state.selected.size
        ? state.rows.filter((row) => state.selected.has(row.key))
        : state.rows.slice(state.cursor, state.cursor + 1)
  /** A decision on one comment happens at once; on more, after a confirmation that states the count. */
  const request = (decision: PendingDecision) => {
    if (targetCount > 1) setOverlay({ kind: 'confirm', ...decision })
    else if (targetCount === 1) void queue.decide(decision.action, decision.clause, decision.note)
  }
  const open = (kind: NonNullable<Exclude<Overlay, { kind: 'confirm' }>>['kind']) => () => setOverlay({ kind })
  const goTo = Object.fromEntries(QUEUES.map((id) => [`go:${id}`, () => void queue.open(id)])) as Record<`go:${QueueId}`, () => void>
  const run: Record<Command, () => void> = {
    ...goTo,
    next: () => void queue.move(1),
    previous: () => void queue.move(-1),
    pageDown: () => void queue.move(table.current?.rowsInView() ?? 1),
    pageUp: () => void queue.move(-(table.current?.rowsInView() ?? 1)),
    first: () => void queue.moveToEdge('first'),
    last: () => void queue.moveToEdge('last'),
    extendDown: () => void queue.extend(1),
    extendUp: () => void queue.extend(-1),
    toggleSelect: () => void queue.toggleSelect(),
    selectView: () => void queue.selectView(),
    selectAllMatching: () => void queue.selectAllMatching(),
    toggleBands: () => setBandsOpen((open) => !open),
    selectBand: () => bandsOpen && void queue.selectAllMatching(bandScore(band)),
    escalate: () => targetCount > 0 && setOverlay({ kind: 'escalate' }),
    search: () => searchBox.current?.focus(),
    filters: open('filters'),
    removeFilter: () => void queue.removeLastFilter(),
    views: open('views'),
    showArrived: () => state.arrived > 0 && void queue.showArrived(),
    sort: () => void queue.cycleSort(),
    previousArticle: () => void queue.jumpArticle(-1),
    nextArticle: () => void queue.jumpArticle(1),
    approve: () => request({ action: 'approve' }),
    remove: () => targetCount > 0 && policy !== null && setOverlay({ kind: 'picker' }),
    removeSpam: () => {
      const spam = policy?.clauses.find((clause) => clause.upstream === 'spam')
      if (spam) request({ action: 'remove', clause: spam.code })
    },
    nextQueue: () => void queue.open(QUEUES[(QUEUES.indexOf(state.queue) + 1) % QUEUES.length]),
    disable: () => request({ action: 'disable' }),
    enable: () => request({ action: 'enable' }),
    undo: () => void queue.undo(),
    redo: () => void queue.redo(),
    detail: () => setDetailOpen((open) => !open),
    help: open('help'),
    menu: () => moreMenu.current?.open(),
    import: open('import'),
    sources: open('sources'),
    exportCsv: () => void downloadDecisionLog('csv'),
    exportJson: () => void downloadDecisionLog('json'),
    reports: open('reports'),
    scoring: open('scoring'),
    columns: open('columns'),
    keys: open('keymap'),
    // Esc lets go of one thing at a time: the detail pane, then the selection, then the search.
    clear: () => {
      if (detailOpen) setDetailOpen(false)
      else if (state.selected.size || state.matching) void queue.clearSelection()
      else if (state.search) void queue.search(null)
      else void queue.clearSelection()
    }
  }
  // Keys work from the first row on; the clause picker waits for the policy it lists.
  useKeyboard(keymap, run, overlay === null)

  const needsTarget = new Set<Command>(['approve', 'remove', 'disable', 'escalate', 'enable'])
  const enabled = (command: Command) => !needsTarget.has(command) || targetCount > 0
  const menuGroups = MENU.map(({ label, commands }) => ({
    label,
    items: commands.map(
      (command): MenuItem => ({ id: command, label: BUTTON_LABELS[command] ?? command, title: tooltip(keymap, command), disabled: !enabled(command), run: run[command] })
    )
  }))
  const selection =
    state.matching !== null
      ? `All ${state.matching.count.toLocaleString()} in this ${state.matching.filter.score ? 'band' : state.search ? 'search' : 'queue'} selected`
      : state.selected.size
        ? `${state.selected.size.toLocaleString()} selected`
        : null

  if (fatal) return <main className="fatal">Sieve cannot reach its engine: {fatal}</main>

  return (
    <div className="app">
      <header className="top">
        <h1>Sieve</h1>
        <QueueTabs current={state.queue} counts={state.counts} onOpen={queue.open} />
        <span className="who" title={session ? `on ${session.machine}` : ''}>
          {session?.moderator}
          {session?.team && <span className="team">{` · team ${session.team.database}${session.team.lead ? ' (lead)' : ''}`}</span>}
        </span>
      </header>
      <div className="toolbar" role="toolbar" aria-label="Actions">
        {PRIMARY.map((command) => (
          <button
            key={command}
            className="action"
            onClick={run[command]}
            disabled={!enabled(command)}
            title={tooltip(keymap, command)}
            aria-keyshortcuts={keysFor(keymap, command) || undefined}
          >
            {BUTTON_LABELS[command]} <kbd aria-hidden="true">{keysFor(keymap, command).split(' / ')[0]}</kbd>
          </button>
        ))}
        {selection && (
          <span className="selection" aria-live="polite">
            {selection} — Esc clears
            <button aria-label="Clear the selection" title="Clear the selection (Esc)" onClick={() => void queue.clearSelection()}>
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
        <SearchBox ref={searchBox} value={state.search} onSearch={(text) => void queue.search(text)} />
        {state.search ? (
          <span className="muted" title="Search results come newest-added first">
            Newest added
          </span>
        ) : (
          <button onClick={run.sort} title={tooltip(keymap, 'sort')} aria-label={`Sort: ${SORT_LABELS[state.sort]}`}>
            {SORT_LABELS[state.sort]}
          </button>
        )}
        <button onClick={run.filters} title={tooltip(keymap, 'filters')}>
          Filters…
        </button>
        <button onClick={run.views} title={tooltip(keymap, 'views')}>
          Views…
        </button>
        <MoreMenu ref={moreMenu} groups={menuGroups} />
      </div>
      <FilterChips
        conditions={state.conditions}
        names={{
          article: state.rows.find((row) => row.articleId === state.conditions.article)?.articleTitle,
          author: state.rows.find((row) => row.authorId === state.conditions.author)?.authorName
        }}
        removeKey={keysFor(keymap, 'removeFilter')}
        onConditions={(conditions) => void queue.filterBy(conditions)}
      />
      {bandsOpen && (
        <ScoreBands
          filter={viewFilter(state)}
          version={state.counts}
          band={band}
          onBand={setBand}
          onSelect={run.selectBand}
          selectKey={keysFor(keymap, 'selectBand')}
        />
      )}
      <main className="workspace">
        <QueueTable
          ref={table}
          rows={state.rows}
          layout={layout}
          onLayout={changeLayout}
          sort={state.search ? null : state.sort}
          onSort={queue.sortBy}
          cursor={state.cursor}
          selected={state.selected}
          label={`${QUEUE_LABELS[state.queue]}${state.search ? `, search “${state.search}”` : ''}`}
          sideBySide={state.queue === 'conflicts'}
          hasMore={state.next !== null}
          onCursor={queue.moveTo}
          onToggle={queue.toggleSelect}
          onNearEnd={queue.loadMore}
        />
        {detailOpen && <DetailPane commentKey={state.rows[state.cursor]?.key ?? null} onClose={() => setDetailOpen(false)} />}
      </main>
      <footer className="status">
        <span className="message" role="status" aria-live="polite">
          {state.message}
        </span>
        <Pace decided={standing(state.tally)} left={state.counts?.review ?? null} />
      </footer>
      {state.undoOffer && (
        <UndoToast message={state.undoOffer} undoKey={keysFor(keymap, 'undo')} onUndo={run.undo} onDismiss={queue.dismissUndoOffer} />
      )}
      {overlay?.kind === 'filters' && (
        <FilterDialog
          conditions={state.conditions}
          current={state.rows[state.cursor] ?? null}
          sources={[...new Set([...state.rows.map((row) => row.sourceName), ...(state.conditions.source ? [state.conditions.source] : [])])]}
          onClose={() => setOverlay(null)}
          onApply={(conditions) => {
            setOverlay(null)
            void queue.filterBy(conditions)
          }}
        />
      )}
      {overlay?.kind === 'views' && (
        <SavedViewsDialog
          views={savedViews}
          onClose={() => setOverlay(null)}
          onOpen={(saved) => {
            setOverlay(null)
            const { queue: queueId, search, ...conditions } = saved.filter
            void queue.openView({ queue: queueId, search: search ?? null, conditions, sort: saved.sort })
          }}
          onSave={(name) => saveViews([...savedViews.filter((saved) => saved.name !== name), { name, filter: viewFilter(state), sort: state.sort }])}
          onDelete={(name) => saveViews(savedViews.filter((saved) => saved.name !== name))}
        />
      )}
      {overlay?.kind === 'scoring' && policy && (
        <ScoringSettings clauses={policy.clauses} onClose={() => setOverlay(null)} onChanged={() => void queue.start()} />
      )}
      {overlay?.kind === 'import' && (
        <ImportDialog
          onClose={(imported) => {
            setOverlay(null)
            if (imported) void queue.start()
          }}
        />
      )}
      {overlay?.kind === 'sources' && (
        <SourcesDialog
          onClose={(changed) => {
            setOverlay(null)
            if (changed) void queue.start()
          }}
        />
      )}
      {overlay?.kind === 'escalate' && (
        <NoteDialog
          title={`Escalate ${targetCount === 1 ? 'this comment' : `${targetCount.toLocaleString()} comments`} for a second opinion`}
          onCancel={() => setOverlay(null)}
          onSubmit={(note) => {
            setOverlay(null)
            void queue.escalate(note)
          }}
        />
      )}
      {overlay?.kind === 'columns' && (
        <ColumnsDialog layout={layout} constant={constantColumns(state.rows)} onLayout={changeLayout} onClose={() => setOverlay(null)} />
      )}
      {overlay?.kind === 'keymap' && (
        <KeymapSettings
          setting={keymapSetting}
          onClose={() => setOverlay(null)}
          onSave={(setting) => void client.call('saveKeymap', setting).then(setKeymapSetting)}
        />
      )}
      {overlay?.kind === 'reports' && <ReportsDialog onClose={() => setOverlay(null)} />}
      {overlay?.kind === 'help' && (
        <HelpOverlay
          keymap={keymap}
          onClose={() => setOverlay(null)}
          onRun={(command) => {
            setOverlay(null)
            run[command]()
          }}
        />
      )}
      {overlay?.kind === 'picker' && policy && (
        <ClausePicker
          clauses={policy.clauses}
          count={targetCount}
          comments={removing}
          suggested={sharedSuggestion(removing)}
          onCancel={() => setOverlay(null)}
          onPick={(clause, note) => {
            setOverlay(null)
            request({ action: 'remove', clause, note: note || undefined })
          }}
        />
      )}
      {overlay?.kind === 'confirm' && (
        <ConfirmDialog
          message={`${ACTION_LABELS[overlay.action]} ${targetCount.toLocaleString()} comments${overlay.clause ? ` under “${overlay.clause}”` : ''}?`}
          confirmLabel={ACTION_LABELS[overlay.action]}
          onCancel={() => setOverlay(null)}
          onConfirm={() => {
            setOverlay(null)
            void queue.decide(overlay.action, overlay.clause, overlay.note)
          }}
        />
      )}
    </div>
  )
}
