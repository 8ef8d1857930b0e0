// What each command of the table does on the screen: the same handler runs from its key, its button, its
// menu item and its row in the `?` overlay.
import type { RefObject } from 'react'
import { QUEUES, type Policy, type QueueId } from '../../../shared/model'
import type { MoreMenuHandle } from '../MoreMenu'
import type { OverlayKind, PendingDecision } from '../overlays/Overlays'
import type { QueueTableHandle } from '../queue/QueueTable'
import { bandScore, type Band } from '../queue/ScoreBands'
import type { useQueue } from '../queue/useQueue'
import { downloadDecisionLog } from '../reports/download'
import type { Command } from './commands'

export interface CommandContext {
  queue: ReturnType<typeof useQueue>
  policy: Policy | null
  /** How many comments a decision would cover: the selection, everything matching, or the cursor's. */
  targetCount: number
  /** A decision, asked about first when it covers more than one comment. */
  request(decision: PendingDecision): void
  open(kind: OverlayKind): void
  detailOpen: boolean
  setDetailOpen(update: (open: boolean) => boolean): void
  bands: { open: boolean; band: Band; toggle(): void }
  table: RefObject<QueueTableHandle | null>
  searchBox: RefObject<HTMLInputElement | null>
  moreMenu: RefObject<MoreMenuHandle | null>
}

export function commandHandlers(context: CommandContext): Record<Command, () => void> {
  const { queue, policy, targetCount, request, detailOpen, bands, table } = context
  const { state } = queue
  const open = (kind: OverlayKind) => () => context.open(kind)
  const goTo = Object.fromEntries(QUEUES.map((id) => [`go:${id}`, () => void queue.open(id)])) as Record<`go:${QueueId}`, () => void>
  return {
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
    toggleBands: bands.toggle,
    selectBand: () => bands.open && void queue.selectAllMatching(bandScore(bands.band)),
    escalate: () => targetCount > 0 && context.open('escalate'),
    search: () => context.searchBox.current?.focus(),
    filters: open('filters'),
    removeFilter: () => void queue.removeLastFilter(),
    views: open('views'),
    showArrived: () => state.arrived > 0 && void queue.showArrived(),
    sort: () => void queue.cycleSort(),
    previousArticle: () => void queue.jumpArticle(-1),
    nextArticle: () => void queue.jumpArticle(1),
    approve: () => request({ action: 'approve' }),
    remove: () => targetCount > 0 && policy !== null && context.open('picker'),
    removeSpam: () => {
      const spam = policy?.clauses.find((clause) => clause.upstream === 'spam')
      if (spam) request({ action: 'remove', clause: spam.code })
    },
    nextQueue: () => void queue.open(QUEUES[(QUEUES.indexOf(state.queue) + 1) % QUEUES.length]),
    disable: () => request({ action: 'disable' }),
    enable: () => request({ action: 'enable' }),
    undo: () => void queue.undo(),
    redo: () => void queue.redo(),
    detail: () => context.setDetailOpen((open) => !open),
    help: open('help'),
    menu: () => context.moreMenu.current?.open(),
    import: open('import'),
    sources: open('sources'),
    team: open('team'),
    exportCsv: () => void downloadDecisionLog('csv'),
    exportJson: () => void downloadDecisionLog('json'),
    reports: open('reports'),
    scoring: open('scoring'),
    columns: open('columns'),
    keys: open('keymap'),
    // Esc lets go of one thing at a time: the detail pane, then the selection, then the search.
    clear: () => {
      if (detailOpen) context.setDetailOpen(() => false)
      else if (state.selected.size || state.matching) void queue.clearSelection()
      else if (state.search) void queue.search(null)
      else void queue.clearSelection()
    }
  }
}
