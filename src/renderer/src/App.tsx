// The screen: the queue's tabs, the toolbar, the filter chips and score bands over the grid and the detail
// pane, the status line, and the dialogs. Commands (./commands) run from keys, buttons, the menu and the
// key map alike; the dialogs are ./overlays.
import { useEffect, useRef, useState } from 'react'
import { QUEUE_LABELS } from '../../shared/model'
import { commandHandlers } from './commands/handlers'
import { Toolbar } from './commands/Toolbar'
import { DetailPane } from './detail/DetailPane'
import { useEngineEvent } from './engine-events'
import { keysFor } from './keyboard/keymap'
import { useKeyboard } from './keyboard/useKeyboard'
import type { MoreMenuHandle } from './MoreMenu'
import { Overlays, type Overlay, type PendingDecision } from './overlays/Overlays'
import { FilterChips } from './queue/FilterChips'
import { Pace } from './queue/Pace'
import { standing } from './queue/pace-tally'
import { QueueTable, type QueueTableHandle } from './queue/QueueTable'
import { QueueTabs } from './queue/QueueTabs'
import { ScoreBands, type Band } from './queue/ScoreBands'
import { UndoToast } from './queue/UndoToast'
import { useQueue, viewFilter } from './queue/useQueue'
import { useClaims } from './team/useClaims'
import { useScreenSettings } from './settings/useScreenSettings'

export function App() {
  const queue = useQueue('review')
  const { state } = queue
  const settings = useScreenSettings()
  const { keymap, session } = settings
  useClaims(Boolean(session?.team), state.rows, state.cursor, queue.markClaims)
  const [overlay, setOverlay] = useState<Overlay>(null)
  const [detailOpen, setDetailOpen] = useState(false)
  const [bandsOpen, setBandsOpen] = useState(false)
  const [band, setBand] = useState<Band>({ attribute: null, low: 0, high: 3 })
  const searchBox = useRef<HTMLInputElement>(null)
  const table = useRef<QueueTableHandle>(null)
  const moreMenu = useRef<MoreMenuHandle>(null)

  useEffect(() => {
    void queue.start()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the window opens
  }, [])

  // What changes anywhere reaches this window as the engine's events: no polling.
  useEngineEvent('countsChanged', queue.takeCounts, queue.catchUp)
  useEngineEvent('commentsArrived', () => void queue.countArrivals().catch(() => {}))
  useEngineEvent('commentsDecided', (batch) => void queue.decidedElsewhere(batch))
  // Another store opened (a team database joined or left): everything on screen came from the old one.
  useEngineEvent('storeSwitched', () => window.location.reload())

  // The grid has the focus from the start, so the first key moves in it and a screen reader is in it.
  const hasRows = state.rows.length > 0
  useEffect(() => {
    if (hasRows && (document.activeElement === document.body || document.activeElement === null)) table.current?.focus()
  }, [hasRows])

  const targetCount = state.matching?.count ?? (state.selected.size || (state.rows[state.cursor] ? 1 : 0))
  /** A decision on one comment happens at once; on more, after a confirmation that states the count. */
  const request = (decision: PendingDecision) => {
    if (targetCount > 1) setOverlay({ kind: 'confirm', ...decision })
    else if (targetCount === 1) void queue.decide(decision.action, decision.clause, decision.note)
  }
  const run = commandHandlers({
    queue,
    policy: settings.policy,
    targetCount,
    request,
    open: (kind) => setOverlay({ kind }),
    detailOpen,
    setDetailOpen,
    bands: { open: bandsOpen, band, toggle: () => setBandsOpen((open) => !open) },
    table,
    searchBox,
    moreMenu
  })
  // Keys work from the first row on; the clause picker waits for the policy it lists.
  useKeyboard(keymap, run, overlay === null)

  if (settings.fatal) return <main className="fatal">Sieve cannot reach its engine: {settings.fatal}</main>

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
      {session?.storeProblem && (
        <p className="store-problem" role="alert">
          {session.storeProblem}{' '}
          <button type="button" className="link" onClick={run.team}>
            Team database…
          </button>
        </p>
      )}
      <Toolbar
        state={state}
        keymap={keymap}
        run={run}
        targetCount={targetCount}
        onClearSelection={() => void queue.clearSelection()}
        onSearch={(text) => void queue.search(text)}
        searchBox={searchBox}
        moreMenu={moreMenu}
      />
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
        <ScoreBands filter={viewFilter(state)} version={state.counts} band={band} onBand={setBand} onSelect={run.selectBand} selectKey={keysFor(keymap, 'selectBand')} />
      )}
      <main className="workspace">
        <QueueTable
          ref={table}
          rows={state.rows}
          layout={settings.layout}
          onLayout={settings.changeLayout}
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
      {state.undoOffer && <UndoToast message={state.undoOffer} undoKey={keysFor(keymap, 'undo')} onUndo={run.undo} onDismiss={queue.dismissUndoOffer} />}
      <Overlays overlay={overlay} onClose={() => setOverlay(null)} queue={queue} settings={settings} targetCount={targetCount} request={request} run={run} />
    </div>
  )
}
