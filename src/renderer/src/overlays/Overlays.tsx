// The screen's dialogs, at most one open at a time: filters, saved views, scoring, import, sources, team database, escalate,
// columns, keys, reports, the key map, the clause picker and the confirmation of a decision on many comments.
// Each closes back to the grid; one that acts on the queue says so through `queue`.
import type { Action } from '../../../shared/model'
import type { SavedView } from '../../../shared/settings'
import { DECISIONS, type Command } from '../commands/commands'
import { ImportDialog } from '../import/ImportDialog'
import { HelpOverlay } from '../keyboard/HelpOverlay'
import { ClausePicker, sharedSuggestion } from '../queue/ClausePicker'
import { ColumnsDialog } from '../queue/ColumnsDialog'
import { ConfirmDialog } from '../queue/ConfirmDialog'
import { FilterDialog } from '../queue/FilterDialog'
import { NoteDialog } from '../queue/NoteDialog'
import { constantColumns } from '../queue/QueueTable'
import { SavedViewsDialog } from '../queue/SavedViewsDialog'
import { viewFilter, type Conditions, type useQueue } from '../queue/useQueue'
import { ReportsDialog } from '../reports/ReportsDialog'
import { KeymapSettings } from '../settings/KeymapSettings'
import { ScoringSettings } from '../settings/ScoringSettings'
import type { ScreenSettings } from '../settings/useScreenSettings'
import { SourcesDialog } from '../sources/SourcesDialog'
import { TeamDialog } from '../team/TeamDialog'

export interface PendingDecision {
  action: Action
  clause?: string
  note?: string
}

export type OverlayKind = 'help' | 'keymap' | 'columns' | 'picker' | 'import' | 'escalate' | 'filters' | 'scoring' | 'sources' | 'team' | 'reports' | 'views'
export type Overlay = { kind: OverlayKind } | ({ kind: 'confirm' } & PendingDecision) | null

interface OverlaysProps {
  overlay: Overlay
  onClose(): void
  queue: ReturnType<typeof useQueue>
  settings: ScreenSettings
  targetCount: number
  request(decision: PendingDecision): void
  run: Record<Command, () => void>
}

export function Overlays({ overlay, onClose, queue, settings, targetCount, request, run }: OverlaysProps) {
  const { state } = queue
  const { policy, savedViews, saveViews } = settings
  /** Closes the dialog, then does what it chose. */
  const then =
    <T extends unknown[]>(act: (...args: T) => void) =>
    (...args: T) => {
      onClose()
      act(...args)
    }

  switch (overlay?.kind) {
    case 'filters':
      return (
        <FilterDialog
          conditions={state.conditions}
          current={state.rows[state.cursor] ?? null}
          sources={[...new Set([...state.rows.map((row) => row.sourceName), ...(state.conditions.source ? [state.conditions.source] : [])])]}
          onClose={onClose}
          onApply={then((conditions: Conditions) => void queue.filterBy(conditions))}
        />
      )
    case 'views':
      return (
        <SavedViewsDialog
          views={savedViews}
          onClose={onClose}
          onOpen={then((saved: SavedView) => {
            const { queue: queueId, search, ...conditions } = saved.filter
            void queue.openView({ queue: queueId, search: search ?? null, conditions, sort: saved.sort })
          })}
          onSave={(name) => saveViews([...savedViews.filter((saved) => saved.name !== name), { name, filter: viewFilter(state), sort: state.sort }])}
          onDelete={(name) => saveViews(savedViews.filter((saved) => saved.name !== name))}
        />
      )
    case 'scoring':
      return policy && <ScoringSettings clauses={policy.clauses} onClose={onClose} onChanged={() => void queue.start()} />
    case 'import':
      return <ImportDialog onClose={then((imported: boolean) => imported && void queue.start())} />
    case 'sources':
      return <SourcesDialog onClose={then((changed: boolean) => changed && void queue.start())} />
    case 'escalate':
      return (
        <NoteDialog
          title={`Escalate ${targetCount === 1 ? 'this comment' : `${targetCount.toLocaleString()} comments`} for a second opinion`}
          onCancel={onClose}
          onSubmit={then((note: string) => void queue.escalate(note))}
        />
      )
    case 'columns':
      return <ColumnsDialog layout={settings.layout} constant={constantColumns(state.rows)} onLayout={settings.changeLayout} onClose={onClose} />
    case 'keymap':
      return <KeymapSettings setting={settings.keymapSetting} onClose={onClose} onSave={settings.saveKeymap} />
    case 'reports':
      return <ReportsDialog onClose={onClose} />
    case 'team':
      return settings.session && <TeamDialog session={settings.session} onClose={onClose} />
    case 'help':
      return <HelpOverlay keymap={settings.keymap} onClose={onClose} onRun={then((command: Command) => run[command]())} />
    case 'picker': {
      /** The comments the clause picker asks about (none listed for a whole view's matches). */
      const removing = state.matching
        ? []
        : state.selected.size
          ? state.rows.filter((row) => state.selected.has(row.key))
          : state.rows.slice(state.cursor, state.cursor + 1)
      return (
        policy && (
          <ClausePicker
            clauses={policy.clauses}
            count={targetCount}
            comments={removing}
            suggested={sharedSuggestion(removing)}
            onCancel={onClose}
            onPick={then((clause: string, note: string) => request({ action: 'remove', clause, note: note || undefined }))}
          />
        )
      )
    }
    case 'confirm': {
      const { action, clause, note } = overlay
      return (
        <ConfirmDialog
          message={`${DECISIONS[action].label} ${targetCount.toLocaleString()} comments${clause ? ` under “${clause}”` : ''}?`}
          confirmLabel={DECISIONS[action].label}
          onCancel={onClose}
          onConfirm={then(() => void queue.decide(action, clause, note))}
        />
      )
    }
    default:
      return null
  }
}
