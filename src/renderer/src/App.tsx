import { useEffect, useMemo, useRef, useState } from 'react'
import type { Session } from '../../shared/api'
import { QUEUE_LABELS, QUEUES, type Action, type Policy, type QueueId, type SortKey } from '../../shared/model'
import { client } from './api'
import { DetailPane } from './detail/DetailPane'
import { ImportDialog } from './import/ImportDialog'
import { HelpOverlay } from './keyboard/HelpOverlay'
import { keysFor, type Command } from './keyboard/keymap'
import { useKeyboard } from './keyboard/useKeyboard'
import { QueueTable } from './queue/QueueTable'
import { QueueTabs } from './queue/QueueTabs'
import { ConfirmDialog } from './queue/ConfirmDialog'
import { NoteDialog } from './queue/NoteDialog'
import { ReasonPicker } from './queue/ReasonPicker'
import { SearchBox } from './queue/SearchBox'
import { Pace } from './queue/Pace'
import { ScoreBands, bandScore, type Band } from './queue/ScoreBands'
import { useQueue, viewFilter } from './queue/useQueue'
import { downloadDecisionLog } from './reports/download'
import { ReportsDialog } from './reports/ReportsDialog'
import { effectiveKeymap, KeymapSettings } from './settings/KeymapSettings'
import { DEFAULT_KEYMAP_SETTING, DEFAULT_TABLE_LAYOUT, type KeymapSetting, type TableLayout } from '../../shared/settings'
import { ColumnsDialog } from './queue/ColumnsDialog'
import { useDebounced } from './useDebounced'
import { SourcesDialog } from './sources/SourcesDialog'
import { FilterBar } from './queue/FilterBar'
import { FilterDialog } from './queue/FilterDialog'
import { UndoToast } from './queue/UndoToast'
import { ScoringSettings } from './settings/ScoringSettings'
import type { SavedView } from '../../shared/settings'

/** How often the view looks for comments that arrived (they wait behind a "N new" button). */
const ARRIVALS_EVERY_MS = 5000

interface PendingDecision {
  action: Action
  clause?: string
  note?: string
}
type Overlay =
  | { kind: 'help' | 'keymap' | 'columns' | 'picker' | 'import' | 'escalate' | 'filters' | 'scoring' | 'sources' | 'reports' }
  | ({ kind: 'confirm' } & PendingDecision)
  | null

const SORT_LABELS: Record<SortKey, string> = { priority: 'Worst first', newest: 'Newest', oldest: 'Oldest', reports: 'Most reported' }

const ACTION_LABELS: Record<Action, string> = { approve: 'Approve', remove: 'Remove', disable: 'Disable', enable: 'Re-enable' }

const ACTION_BUTTONS: { command: Command & Action; label: string }[] = [
  { command: 'approve', label: 'Approve' },
  { command: 'remove', label: 'Remove…' },
  { command: 'disable', label: 'Disable' },
  { command: 'enable', label: 'Re-enable' }
]

export function App() {
  const queue = useQueue('review')
  const { state } = queue
  const [policy, setPolicy] = useState<Policy | null>(null)
  const [session, setSession] = useState<Session | null>(null)
  const [overlay, setOverlay] = useState<Overlay>(null)
  const [fatal, setFatal] = useState<string | null>(null)
  const [detailOpen, setDetailOpen] = useState(false)
  const searchBox = useRef<HTMLInputElement>(null)
  const [keymapSetting, setKeymapSetting] = useState<KeymapSetting>(DEFAULT_KEYMAP_SETTING)
  const keymap = useMemo(() => effectiveKeymap(keymapSetting), [keymapSetting])
  const [layout, setLayout] = useState<TableLayout>(DEFAULT_TABLE_LAYOUT)
  const saveLayout = useDebounced((next: TableLayout) => void client.call('saveTableLayout', next), 400)
  const changeLayout = (next: TableLayout) => {
    setLayout(next)
    saveLayout(next)
  }
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
    const arrivals = setInterval(() => void queue.checkArrivals().catch(() => {}), ARRIVALS_EVERY_MS)
    return () => clearInterval(arrivals)
  }, [])

  const targetCount = state.matching?.count ?? (state.selected.size || (state.rows[state.cursor] ? 1 : 0))
  /** A decision on one comment happens at once; on more, after a confirmation that states the count. */
  const request = (decision: PendingDecision) => {
    if (targetCount > 1) setOverlay({ kind: 'confirm', ...decision })
    else if (targetCount === 1) void queue.decide(decision.action, decision.clause, decision.note)
  }
  const goTo = Object.fromEntries(QUEUES.map((id) => [`go:${id}`, () => void queue.open(id)])) as Record<`go:${QueueId}`, () => void>
  const run: Record<Command, () => void> = {
    ...goTo,
    next: () => void queue.move(1),
    previous: () => void queue.move(-1),
    extendDown: () => void queue.extend(1),
    extendUp: () => void queue.extend(-1),
    toggleSelect: () => void queue.toggleSelect(),
    selectView: () => void queue.selectView(),
    selectAllMatching: () => void queue.selectAllMatching(),
    toggleBands: () => setBandsOpen((open) => !open),
    selectBand: () => bandsOpen && void queue.selectAllMatching(bandScore(band)),
    escalate: () => targetCount > 0 && setOverlay({ kind: 'escalate' }),
    search: () => searchBox.current?.focus(),
    filters: () => setOverlay({ kind: 'filters' }),
    sort: () => void queue.cycleSort(),
    previousArticle: () => void queue.jumpArticle(-1),
    nextArticle: () => void queue.jumpArticle(1),
    approve: () => request({ action: 'approve' }),
    remove: () => targetCount > 0 && setOverlay({ kind: 'picker' }),
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
    help: () => setOverlay({ kind: 'help' }),
    clear: () => (detailOpen ? setDetailOpen(false) : void queue.clearSelection())
  }
  useKeyboard(keymap, run, overlay === null && policy !== null)

  if (fatal) return <main className="fatal">Sieve cannot reach its engine: {fatal}</main>

  return (
    <div className="app">
      <header className="top">
        <h1>Sieve</h1>
        <QueueTabs current={state.queue} counts={state.counts} onOpen={(id) => void queue.open(id)} />
        <Pace decided={state.decided} left={state.counts?.review ?? null} />
        <span className="who" title={session ? `on ${session.machine}` : ''}>
          {session?.moderator}
        </span>
      </header>
      <div className="toolbar" role="toolbar" aria-label="Actions">
        {ACTION_BUTTONS.map(({ command, label }) => (
          <button key={command} onClick={run[command]} disabled={targetCount === 0} title={`${label} (${keysFor(keymap, command)})`}>
            {label}
          </button>
        ))}
        <button onClick={run.undo} title={`Undo (${keysFor(keymap, 'undo')})`}>
          Undo
        </button>
        <button onClick={run.redo} title={`Redo (${keysFor(keymap, 'redo')})`}>
          Redo
        </button>
        <button onClick={run.escalate} disabled={targetCount === 0} title={`Escalate for a second opinion (${keysFor(keymap, 'escalate')})`}>
          Escalate…
        </button>
        <button onClick={run.selectAllMatching} title={`Select everything in this queue (${keysFor(keymap, 'selectAllMatching')})`}>
          Select all
        </button>
        <span className="selection" aria-live="polite">
          {state.matching !== null
            ? `All ${state.matching.count.toLocaleString()} in this ${state.matching.filter.score ? 'band' : state.search ? 'search' : 'queue'} selected`
            : state.selected.size
              ? `${state.selected.size} selected`
              : ''}
        </span>
        <span className="spacer" />
        <button onClick={run.previousArticle} title={`Previous article's comments (${keysFor(keymap, 'previousArticle')})`} aria-label="Previous article">
          ◀ Article
        </button>
        <button onClick={run.nextArticle} title={`Next article's comments (${keysFor(keymap, 'nextArticle')})`} aria-label="Next article">
          Article ▶
        </button>
        <button onClick={run.toggleBands} aria-pressed={bandsOpen} title={`Score bands (${keysFor(keymap, 'toggleBands')})`}>
          Score bands
        </button>
        <SearchBox ref={searchBox} value={state.search} onSearch={(text) => void queue.search(text)} />
        {state.search ? (
          <span className="muted" title="Search results come newest-added first">
            Newest added
          </span>
        ) : (
          <button onClick={run.sort} title={`Sort order (${keysFor(keymap, 'sort')})`} aria-label={`Sort: ${SORT_LABELS[state.sort]}`}>
            {SORT_LABELS[state.sort]}
          </button>
        )}
        <button onClick={() => setOverlay({ kind: 'import' })} title="Import comments from a file (NDJSON, CSV, WordPress, Disqus)">
          Import…
        </button>
        <button onClick={() => setOverlay({ kind: 'sources' })} title="WordPress sites: add, test, pull, sync">
          Sources…
        </button>
        <button onClick={() => void downloadDecisionLog('csv')} title="Export the decision log as CSV">
          Export CSV
        </button>
        <button onClick={() => void downloadDecisionLog('json')} title="Export the decision log as JSON">
          Export JSON
        </button>
        <button onClick={() => setOverlay({ kind: 'scoring' })} title="Thresholds, word lists, automatic rules, retraining">
          Scoring…
        </button>
        <button onClick={() => setOverlay({ kind: 'reports' })} title="Reports: summaries with charts, the decision log, DSA statements of reasons, audit trails">
          Reports…
        </button>
        <button onClick={() => setOverlay({ kind: 'columns' })} title="Show, hide and reorder columns">
          Columns…
        </button>
        <button onClick={() => setOverlay({ kind: 'keymap' })} title="Keyboard settings: presets and your own keys">
          Keys…
        </button>
        <button onClick={run.help} title={`Key map (${keysFor(keymap, 'help')})`}>
          ?
        </button>
      </div>
      <FilterBar
        view={state}
        names={{
          article: state.rows.find((row) => row.articleId === state.conditions.article)?.articleTitle,
          author: state.rows.find((row) => row.authorId === state.conditions.author)?.authorName
        }}
        savedViews={savedViews}
        arrived={state.arrived}
        filterKey={keysFor(keymap, 'filters')}
        onConditions={(conditions) => void queue.filterBy(conditions)}
        onOpenFilters={run.filters}
        onOpenView={(saved) => {
          const { queue: queueId, search, ...conditions } = saved.filter
          void queue.openView({ queue: queueId, search: search ?? null, conditions, sort: saved.sort })
        }}
        onSaveView={(name) => saveViews([...savedViews.filter((saved) => saved.name !== name), { name, filter: viewFilter(state), sort: state.sort }])}
        onDeleteView={(name) => saveViews(savedViews.filter((saved) => saved.name !== name))}
        onShowArrived={() => void queue.showArrived()}
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
      <div className="workspace">
        <QueueTable
          rows={state.rows}
          layout={layout}
          onLayout={changeLayout}
          sort={state.search ? null : state.sort}
          onSort={(sort) => void queue.sortBy(sort)}
          cursor={state.cursor}
          selected={state.selected}
          label={QUEUE_LABELS[state.queue]}
          sideBySide={state.queue === 'conflicts'}
          hasMore={state.next !== null}
          onCursor={(index) => void queue.moveTo(index)}
          onToggle={(key) => void queue.toggleSelect(key)}
          onNearEnd={queue.loadMore}
        />
        {detailOpen && <DetailPane commentKey={state.rows[state.cursor]?.key ?? null} onClose={() => setDetailOpen(false)} />}
      </div>
      <footer className="status" role="status" aria-live="polite">
        {state.message}
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
      {overlay?.kind === 'columns' && <ColumnsDialog layout={layout} onLayout={changeLayout} onClose={() => setOverlay(null)} />}
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
        <ReasonPicker
          clauses={policy.clauses}
          count={targetCount}
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
