// The state of the queue on screen: its loaded rows, the cursor, the selection and the counts.
// Commands run one after another, each on the state the previous one left, so two quick key
// presses can never decide the same comment twice; a decision shows only once the engine has stored it.
import { useCallback, useMemo, useRef, useState } from 'react'
import { ACTION_STATUS, type Action, type CommentRow, type QueueCounts, type QueueId, type QueuePage, type Status } from '../../../shared/model'
import { client } from '../api'

const PAGE = 100
/** Load the next page when the cursor comes this close to the last loaded row. */
const PREFETCH = 20

export interface QueueState {
  queue: QueueId
  rows: CommentRow[]
  next: string | null
  cursor: number
  selected: ReadonlySet<number>
  /** Set when everything the view's filter matches is selected (loaded or not): how many that is. */
  matching: number | null
  counts: QueueCounts | null
  loading: boolean
  message: string | null
}

const QUEUE_STATUS: Partial<Record<QueueId, Status>> = {
  review: 'pending',
  likely: 'pending',
  approved: 'approved',
  removed: 'removed',
  disabled: 'disabled'
}

function belongs(queue: QueueId, row: CommentRow): boolean {
  const status = QUEUE_STATUS[queue]
  return status === undefined || row.status === status
}

const clamp = (index: number, length: number) => Math.max(0, Math.min(index, length - 1))

export function useQueue(initialQueue: QueueId) {
  const state = useRef<QueueState>({
    queue: initialQueue,
    rows: [],
    next: null,
    cursor: 0,
    selected: new Set(),
    matching: null,
    counts: null,
    loading: true,
    message: null
  })
  const [, setVersion] = useState(0)
  const set = useCallback((patch: Partial<QueueState>) => {
    state.current = { ...state.current, ...patch }
    setVersion((version) => version + 1)
  }, [])

  const tail = useRef<Promise<void>>(Promise.resolve())
  /** Runs commands strictly in order; a failure is shown, never swallowed. */
  const serial = useCallback(
    (task: () => Promise<void> | void) => {
      tail.current = tail.current.then(task).catch((error: unknown) => set({ message: (error as Error).message }))
      return tail.current
    },
    [set]
  )

  // Counts are for the eye only: they refresh beside the command chain, never holding up the next key,
  // and a late answer never overwrites a newer one.
  const countsAsked = useRef(0)
  const refreshCounts = useCallback(() => {
    const asked = ++countsAsked.current
    client
      .call('counts', {})
      .then((counts) => asked === countsAsked.current && set({ counts }))
      .catch((error: Error) => set({ message: error.message }))
  }, [set])

  const reload = useCallback(
    async (queue: QueueId, keepAtLeast = PAGE, focusIds: string[] = []) => {
      set({ loading: true })
      const rows: CommentRow[] = []
      let next: string | null = null
      do {
        const page: QueuePage = await client.call('queuePage', { filter: { queue }, after: next, limit: PAGE })
        rows.push(...page.rows)
        next = page.next
      } while (next && rows.length < keepAtLeast)
      const focus = rows.findIndex((row) => focusIds.includes(row.id))
      const sameQueue = queue === state.current.queue
      set({
        queue,
        rows,
        next,
        loading: false,
        cursor: focus >= 0 ? focus : sameQueue ? clamp(state.current.cursor, rows.length) : 0,
        selected: sameQueue ? state.current.selected : new Set(),
        matching: null
      })
      refreshCounts()
    },
    [set, refreshCounts]
  )

  const loadMore = useCallback(async () => {
    const { next, queue } = state.current
    if (!next) return
    const page = await client.call('queuePage', { filter: { queue }, after: next, limit: PAGE })
    if (queue !== state.current.queue || next !== state.current.next) return
    set({ rows: [...state.current.rows, ...page.rows], next: page.next })
  }, [set])

  /** Undo or redo, then show the queue as it now is, with the cursor on the first comment put back. */
  const revert = useCallback(
    async (kind: 'undo' | 'redo') => {
      const result = await client.call(kind, {})
      if (result.batchId === null) {
        set({ message: `Nothing to ${kind}.` })
        return
      }
      await reload(state.current.queue, Math.max(PAGE, state.current.rows.length), result.ids)
      const count = result.ids.length === 1 ? '1 comment' : `${result.ids.length} comments`
      set({ message: kind === 'undo' ? `Undid ${result.action} on ${count}.` : `Redid ${result.action} on ${count}.` })
    },
    [reload, set]
  )

  const commands = useMemo(
    () => ({
      open: (queue: QueueId) => serial(() => reload(queue)),
      start: () => serial(() => reload(state.current.queue)),
      loadMore: () => serial(loadMore),
      move: (delta: number) =>
        serial(async () => {
          const { rows, cursor } = state.current
          set({ cursor: clamp(cursor + delta, rows.length) })
          if (rows.length - state.current.cursor < PREFETCH) await loadMore()
        }),
      moveTo: (index: number) => serial(() => set({ cursor: clamp(index, state.current.rows.length) })),
      toggleSelect: (key?: number) =>
        serial(() => {
          const target = key ?? state.current.rows[state.current.cursor]?.key
          if (target === undefined) return
          const selected = new Set(state.current.selected)
          if (!selected.delete(target)) selected.add(target)
          set({ selected })
        }),
      clearSelection: () => serial(() => set({ selected: new Set(), matching: null, message: null })),
      /** Selects every comment the view's filter matches, without loading them. */
      selectAllMatching: () =>
        serial(async () => {
          const matching = await client.call('count', { filter: { queue: state.current.queue } })
          set({ matching, selected: new Set() })
        }),
      /** Decides on the selection, or on the cursor row when nothing is selected. */
      decide: (action: Action, clause?: string, note?: string) =>
        serial(async () => {
          const { rows, cursor, selected, queue, matching } = state.current
          if (matching !== null) {
            const result = await client.call('decide', { filter: { queue }, action, clause, note })
            await reload(queue)
            set({ message: `${verb(action)} ${result.changed.toLocaleString()} comments (one undo reverts them all).` })
            return
          }
          const keys = selected.size ? [...selected] : rows[cursor] ? [rows[cursor].key] : []
          if (!keys.length) return
          const result = await client.call('decide', { keys, action, clause, note })
          const decided = new Set(keys)
          const status = ACTION_STATUS[action]
          const reason = action === 'remove' ? (clause ?? null) : null
          const kept = rows
            .map((row) => (decided.has(row.key) ? { ...row, status, reason } : row))
            .filter((row) => belongs(queue, row))
          // The cursor moves on to the next row: the one after it, or the one now in its place if it left the view.
          const keptKeys = new Set(kept.map((row) => row.key))
          const before = rows.slice(0, cursor).filter((row) => keptKeys.has(row.key)).length
          const nextCursor = keptKeys.has(rows[cursor]?.key) ? before + 1 : before
          set({
            rows: kept,
            cursor: clamp(nextCursor, kept.length),
            selected: new Set(),
            message: `${verb(action)} ${keys.length === 1 ? '1 comment' : `${keys.length} comments`}${result.changed < keys.length ? ` (${keys.length - result.changed} already were)` : ''}.`
          })
          refreshCounts()
          if (kept.length - state.current.cursor < PREFETCH) await loadMore()
        }),
      undo: () => serial(() => revert('undo')),
      redo: () => serial(() => revert('redo')),
      dismissMessage: () => set({ message: null })
    }),
    [serial, reload, loadMore, refreshCounts, revert, set]
  )

  return { state: state.current, ...commands }
}

function verb(action: Action): string {
  return { approve: 'Approved', remove: 'Removed', disable: 'Disabled', enable: 'Re-enabled' }[action]
}
