// The state of the queue on screen: what it shows (queue, search, sort), its loaded rows, the cursor,
// the selection and the counts. Commands run one after another, each on the state the previous one
// left, so two quick key presses can never decide the same comment twice. A decision on the comment
// under the cursor shows at once and is sent behind it: the engine's answer is not waited for, so the
// next key works at once. Decisions go to the engine one after another, in the order they were made;
// one that fails puts its comment back where it was, saying so. Whatever reads or changes the engine's
// state otherwise (a page, an undo, a bulk decision) waits for the decisions sent before it. What
// changes elsewhere (another window, the command line, a rule, new comments) arrives as the engine's
// events: the counts, "N new", and the rows decided meanwhile.
import { useCallback, useMemo, useRef, useState } from 'react'
import type { CommentsDecided } from '../../../shared/api'
import type { Filter } from '../../../shared/filter'
import {
  ACTION_STATUS,
  actionApplies,
  SORTS,
  type Action,
  type CommentRow,
  type QueueCounts,
  type QueueId,
  type QueuePage,
  type SortKey,
  type Status
} from '../../../shared/model'
import { client } from '../api'
import { DECISIONS } from '../commands/commands'
import { chipsOf, withoutChip } from './filter-chips'
import { afterDecision, afterRedo, afterUndo, NO_DECISIONS, type PaceTally } from './pace-tally'

const PAGE = 100
/** Load the next page when the cursor comes this close to the last loaded row. */
const PREFETCH = 20
/** End loads the view to its last row, but never more rows than this at once. */
const END_LOADS_AT_MOST = 5000

/** The filter chips: every condition a view adds to its queue and search. */
export type Conditions = Omit<Filter, 'queue' | 'search' | 'addedAfter'>

export interface View {
  queue: QueueId
  search: string | null
  conditions: Conditions
  sort: SortKey
}

export interface QueueState extends View {
  rows: CommentRow[]
  next: string | null
  cursor: number
  /** Where shift+move started extending the selection from. */
  anchor: number | null
  selected: ReadonlySet<number>
  /** Set when everything a filter matches is selected, loaded or not (the view, or a score band of it). */
  matching: { filter: Filter; count: number } | null
  counts: QueueCounts | null
  /** The newest comment when the view was loaded, and how many matching ones arrived since (not shown yet). */
  latestKey: number
  arrived: number
  /** This session's decisions, for the pace shown beside the counts (undone ones do not count). */
  tally: PaceTally
  loading: boolean
  message: string | null
  /** After a bulk decision: what it did, offered for undo in a toast. */
  undoOffer: string | null
}

const QUEUE_STATUS: Partial<Record<QueueId, Status>> = {
  review: 'pending',
  likely: 'pending',
  reported: 'pending',
  approved: 'approved',
  removed: 'removed',
  disabled: 'disabled'
}

/** Whether a comment just decided into `status` stays in the queue on screen. */
function staysAfterDecision(queue: QueueId, status: Status): boolean {
  if (queue === 'escalated') return false // a decision settles the escalation
  const expected = QUEUE_STATUS[queue]
  return expected === undefined || expected === status
}

export function viewFilter(view: View): Filter {
  return { ...view.conditions, queue: view.queue, ...(view.search ? { search: view.search } : {}) }
}

const clamp = (index: number, length: number) => Math.max(0, Math.min(index, length - 1))
const count = (n: number) => (n === 1 ? '1 comment' : `${n.toLocaleString()} comments`)

export function useQueue(initial: QueueId) {
  const state = useRef<QueueState>({
    queue: initial,
    search: null,
    conditions: {},
    sort: 'priority',
    rows: [],
    next: null,
    cursor: 0,
    anchor: null,
    selected: new Set(),
    matching: null,
    counts: null,
    latestKey: 0,
    arrived: 0,
    tally: NO_DECISIONS,
    loading: true,
    message: null,
    undoOffer: null
  })
  const [, setVersion] = useState(0)
  const set = useCallback((patch: Partial<QueueState>) => {
    state.current = { ...state.current, ...patch }
    setVersion((version) => version + 1)
  }, [])

  const tail = useRef<Promise<void>>(Promise.resolve())
  /** Commands started and not finished (those waiting for the engine, and those queued behind them). */
  const unfinished = useRef(0)
  /**
   * Runs commands strictly in order; a failure is shown, never swallowed. With nothing before it, a
   * command runs at once, inside the key's own event: what it changes is drawn in the next frame.
   */
  const serial = useCallback(
    (task: () => Promise<void> | void): Promise<void> => {
      const fail = (error: unknown) => set({ message: (error as Error).message })
      let running: Promise<void>
      if (unfinished.current === 0) {
        try {
          const result = task()
          if (!result) return Promise.resolve()
          running = result.catch(fail)
        } catch (error) {
          fail(error)
          return Promise.resolve()
        }
      } else running = tail.current.then(task).catch(fail)
      unfinished.current++
      tail.current = running.finally(() => unfinished.current--)
      return tail.current
    },
    [set]
  )

  /** The decisions shown at once and sent behind: each goes when the one before it has its answer. */
  const sending = useRef<Promise<void>>(Promise.resolve())
  /** Failures in a row, for the message (a success starts the count again). */
  const failures = useRef(0)
  /** Resolves once every decision sent so far has its answer (whatever it was). */
  const decisionsAnswered = useCallback(() => sending.current, [])

  // Counts are for the eye only: the engine tells them as they move (countsChanged), beside the command
  // chain, never holding up the next key. They are read once on opening and after a break in the events.
  const countsAsked = useRef(0)
  const readCounts = useCallback(() => {
    const asked = ++countsAsked.current
    client
      .call('counts', {})
      .then((counts) => asked === countsAsked.current && set({ counts }))
      .catch((error: Error) => set({ message: error.message }))
  }, [set])

  /** Shows `view` from its first row, keeping at least `keepAtLeast` rows loaded and the cursor on `focusIds`. */
  const show = useCallback(
    async (view: View, keepAtLeast = PAGE, focusIds: string[] = []) => {
      // The engine's pages show the decisions sent so far only once they have landed.
      await decisionsAnswered()
      set({ loading: true })
      const rows: CommentRow[] = []
      let next: string | null = null
      let latestKey = 0
      do {
        const page: QueuePage = await client.call('queuePage', { filter: viewFilter(view), sort: view.sort, after: next, limit: PAGE })
        rows.push(...page.rows)
        next = page.next
        latestKey ||= page.latestKey
      } while (next && rows.length < keepAtLeast)
      const focus = rows.findIndex((row) => focusIds.includes(row.id))
      const same = JSON.stringify(view) === JSON.stringify(current())
      set({
        ...view,
        rows,
        next,
        latestKey,
        arrived: 0,
        loading: false,
        cursor: focus >= 0 ? focus : same ? clamp(state.current.cursor, rows.length) : 0,
        anchor: null,
        selected: same ? state.current.selected : new Set(),
        matching: null
      })
    },
    [set, decisionsAnswered]
  )
  const current = (): View => ({
    queue: state.current.queue,
    search: state.current.search,
    conditions: state.current.conditions,
    sort: state.current.sort
  })

  /** The page being loaded after the last loaded row, if one is. */
  const pageLoading = useRef<Promise<void> | null>(null)
  /** Loads the next page (once, however often it is asked for while it loads). */
  const loadMore = useCallback(() => {
    pageLoading.current ??= (async () => {
      const { next } = state.current
      if (!next) return
      const view = current()
      const page = await client.call('queuePage', { filter: viewFilter(view), sort: view.sort, after: next, limit: PAGE })
      if (next !== state.current.next) return
      // The rows after the cursor: those decided meanwhile are before `next`, so none comes back.
      set({ rows: [...state.current.rows, ...page.rows], next: page.next })
    })().finally(() => (pageLoading.current = null))
    return pageLoading.current
  }, [set])
  /** Loads the next page beside the keys, never holding up the next one. */
  const prefetch = useCallback(() => {
    loadMore().catch((error: Error) => set({ message: error.message }))
  }, [loadMore, set])

  /**
   * A decision did not land: the comment goes back where it was (after the row that preceded it, if
   * that is still loaded), as it was, unless it has been changed here since; the cursor stays on its row.
   */
  const putBack = useCallback(
    (row: CommentRow, decided: CommentRow, beforeKey: number | undefined, index: number, reason: string) => {
      failures.current++
      const { rows, cursor } = state.current
      const message =
        failures.current === 1
          ? `${reason}. It is back in the queue, undecided.`
          : `${failures.current} decisions in a row did not land (${reason}); those comments are back in the queue, undecided.`
      const at = rows.findIndex((each) => each.key === row.key)
      if (at >= 0) {
        // Still shown (a queue it stays in): back to how it was, unless decided again here meanwhile.
        set({ rows: rows[at] === decided ? rows.map((each, i) => (i === at ? row : each)) : rows, message })
        return
      }
      const after = beforeKey === undefined ? -1 : rows.findIndex((each) => each.key === beforeKey)
      const place = after >= 0 || beforeKey === undefined ? after + 1 : Math.min(index, rows.length)
      set({
        rows: [...rows.slice(0, place), row, ...rows.slice(place)],
        cursor: rows.length && place <= cursor ? cursor + 1 : cursor,
        message
      })
    },
    [set]
  )

  /**
   * Decides on one comment at once: the row moves on (or shows its new status where it stays) and the
   * decision is sent behind the decisions before it. If the engine refuses it or cannot be reached, the
   * comment is put back where it was and the status line says so; the cursor stays on what is being read.
   */
  const decideAtOnce = useCallback(
    (row: CommentRow, action: Action, clause?: string, note?: string) => {
      const { rows, cursor, queue } = state.current
      const index = rows.indexOf(row)
      const status = ACTION_STATUS[action]
      const decided: CommentRow = { ...row, status, clause: action === 'remove' ? (clause ?? null) : null, escalated: false }
      const stays = staysAfterDecision(queue, status)
      const kept = stays ? rows.map((each) => (each === row ? decided : each)) : rows.filter((each) => each !== row)
      const shown = `${DECISIONS[action].done} 1 comment.`
      set({
        rows: kept,
        // The next row: the one after it, or the one now in its place if it left.
        cursor: clamp(stays ? cursor + 1 : cursor, kept.length),
        anchor: null,
        selected: new Set(),
        message: shown,
        undoOffer: null
      })
      if (kept.length - state.current.cursor < PREFETCH) prefetch()
      const before = rows[index - 1]?.key
      sending.current = sending.current
        .then(() => client.call('decide', { keys: [row.key], seen: [row.version], action, clause, note }))
        .then(
          (result) => {
            failures.current = 0
            // Someone else made the same decision first: say so, unless a later message has taken the line.
            const already = result.changed === 0 && state.current.message === shown
            set({ tally: afterDecision(state.current.tally, result.changed), ...(already ? { message: `Nothing changed: this comment already was ${status}.` } : {}) })
          },
          (error: Error) => putBack(row, decided, before, index, `Could not ${DECISIONS[action].verb} ${describe(row)}: ${error.message}`)
        )
        .catch((error: Error) => set({ message: error.message }))
    },
    [set, prefetch, putBack]
  )

  /** Undo or redo, then show the queue as it now is, with the cursor on the first comment put back. */
  const revert = useCallback(
    async (kind: 'undo' | 'redo') => {
      set({ undoOffer: null })
      // The latest decision is the latest one sent: undo it once it has landed (or failed).
      await decisionsAnswered()
      const result = await client.call(kind, {})
      if (result.batchId === null) {
        set({ message: `Nothing to ${kind}.` })
        return
      }
      await show(current(), Math.max(PAGE, state.current.rows.length), result.ids)
      const { tally } = state.current
      set({
        tally: kind === 'undo' ? afterUndo(tally, result.ids.length) : afterRedo(tally, result.ids.length),
        message: `${kind === 'undo' ? 'Undid' : 'Redid'} ${result.action} on ${count(result.ids.length)}.`
      })
    },
    [show, set, decisionsAnswered]
  )

  const move = useCallback(
    (delta: number, extend: boolean) => {
      const { rows, cursor, anchor, selected } = state.current
      const to = clamp(cursor + delta, rows.length)
      if (extend) {
        // Shift+move selects every row from where the extension started to the cursor.
        const from = anchor ?? cursor
        const range = rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((row) => row.key)
        set({ cursor: to, anchor: from, selected: new Set([...selected, ...range]), matching: null })
      } else {
        set({ cursor: to, anchor: null })
      }
      if (rows.length - to < PREFETCH) prefetch()
    },
    [set, prefetch]
  )

  /** Decides on the selection or on every comment a filter matches (or on one the action cannot change). */
  const decideAndWait = useCallback(
    async (action: Action, clause?: string, note?: string) => {
      // It waits for the decisions sent before it, then for its own answer.
      await decisionsAnswered()
      const { rows, cursor, selected, queue, matching } = state.current
      if (matching !== null) {
        const result = await client.call('decide', { filter: matching.filter, action, clause, note })
        await show(current())
        const message = `${DECISIONS[action].done} ${count(result.changed)} (one undo reverts them all).`
        set({ tally: afterDecision(state.current.tally, result.changed), message, undoOffer: message })
        return
      }
      const keys = selected.size ? [...selected] : rows[cursor] ? [rows[cursor].key] : []
      if (!keys.length) return
      const byKey = new Map(rows.map((row) => [row.key, row]))
      // The versions shown, when every key is on screen: what a teammate decided since is left alone.
      const seen = keys.every((key) => byKey.has(key)) ? keys.map((key) => byKey.get(key)!.version) : undefined
      const result = await client.call('decide', { keys, seen, action, clause, note })
      if (result.skipped) {
        await show(current())
        set({ message: `${DECISIONS[action].done} ${count(result.changed)}; ${result.skipped} left alone: another moderator decided them after you saw them.`, undoOffer: null })
        return
      }
      // The rows the action could change (re-enable leaves a pending or approved comment as it is).
      const decided = new Set(keys.filter((key) => { const row = byKey.get(key); return !row || actionApplies(action, row.status) }))
      if (result.changed === 0 && decided.size === 0) {
        const what = keys.length === 1 ? `this comment is ${byKey.get(keys[0])?.status ?? 'not'}` : 'none of these is'
        set({ message: `Re-enable applies only to disabled or removed comments, and ${what}: nothing changed.` })
        return
      }
      const status = ACTION_STATUS[action]
      const clauseNow = action === 'remove' ? (clause ?? null) : null
      const stays = staysAfterDecision(queue, status)
      const kept = rows
        .filter((row) => stays || !decided.has(row.key))
        .map((row) => (decided.has(row.key) ? { ...row, status, clause: clauseNow, escalated: false } : row))
      // The cursor stays on the comment being read when the decision was on others; after a decision
      // on it, it moves on to the next row: the one after it, or the one now in its place if it left.
      const keptKeys = new Set(kept.map((row) => row.key))
      const before = rows.slice(0, cursor).filter((row) => keptKeys.has(row.key)).length
      const cursorKey = rows[cursor]?.key
      const nextCursor = keptKeys.has(cursorKey) && decided.has(cursorKey) ? before + 1 : before
      const unchanged = keys.length - result.changed
      const message = `${DECISIONS[action].done} ${count(result.changed)}${unchanged ? ` (${unchanged} ${action === 'enable' ? 'were not disabled or removed' : 'already were'})` : ''}.`
      set({
        rows: kept,
        cursor: clamp(nextCursor, kept.length),
        anchor: null,
        selected: new Set(),
        tally: afterDecision(state.current.tally, result.changed),
        message,
        undoOffer: keys.length > 1 ? message : null
      })
      if (kept.length - state.current.cursor < PREFETCH) prefetch()
    },
    [show, set, prefetch, decisionsAnswered]
  )

  const commands = useMemo(
    () => ({
      // Teach Sieve is the pending queue in the order that teaches the model most.
      open: (queue: QueueId) => serial(() => show({ ...current(), queue, ...(queue === 'teach' ? { sort: 'teach' as const } : {}) })),
      start: () =>
        serial(async () => {
          await show(current())
          readCounts()
        }),
      search: (search: string | null) => serial(() => show({ ...current(), search: search?.trim() || null })),
      filterBy: (conditions: Conditions) => serial(() => show({ ...current(), conditions })),
      openView: (view: View) => serial(() => show(view)),
      /** Shows the comments that arrived since the view was loaded, keeping the cursor on its comment. */
      showArrived: () =>
        serial(() => {
          const { rows, cursor } = state.current
          return show(current(), Math.max(PAGE, rows.length), rows[cursor] ? [rows[cursor].id] : [])
        }),
      /** Comments arrived (the engine said so): the view's wait behind a button, never moving the cursor. */
      countArrivals: async () => {
        const { latestKey } = state.current
        if (!latestKey) return
        const arrived = await client.call('count', { filter: { ...viewFilter(current()), addedAfter: latestKey } })
        if (latestKey === state.current.latestKey && arrived !== state.current.arrived) set({ arrived })
      },
      /** The queues' counts as the engine told them. */
      takeCounts: (counts: QueueCounts) => {
        countsAsked.current++
        set({ counts })
      },
      /** After a break in the engine's events: what changed meanwhile was not heard, so read it again. */
      catchUp: () => {
        readCounts()
        void commands.countArrivals()
      },
      /**
       * Comments were decided somewhere (here, another window, the command line, a rule). Loaded rows show
       * where they now stand; the cursor stays where it is. An undo's outcome is read back from the engine.
       */
      decidedElsewhere: (batch: CommentsDecided) =>
        serial(async () => {
          const loaded = new Set(state.current.rows.map((row) => row.key))
          const touched = batch.keys.filter((key) => loaded.has(key))
          if (touched.length === 0) return
          if (batch.action === 'undo') {
            const { rows, cursor } = state.current
            return show(current(), Math.max(PAGE, rows.length), rows[cursor] ? [rows[cursor].id] : [])
          }
          const status = ACTION_STATUS[batch.action]
          const keys = new Set(touched)
          set({
            rows: state.current.rows.map((row) =>
              keys.has(row.key) ? { ...row, status, clause: batch.clause, escalated: row.status === status && row.escalated, version: Math.max(row.version, batch.lastDecisionId) } : row
            )
          })
        }),
      cycleSort: () => serial(() => show({ ...current(), sort: SORTS[(SORTS.indexOf(state.current.sort) + 1) % SORTS.length] })),
      sortBy: (sort: SortKey) => serial(() => show({ ...current(), sort })),
      loadMore: prefetch,
      move: (delta: number) => serial(() => move(delta, false)),
      extend: (delta: number) => serial(() => move(delta, true)),
      /** Puts the cursor on a row (a click): the selection, if any, is let go. */
      moveTo: (index: number) =>
        serial(() => set({ cursor: clamp(index, state.current.rows.length), anchor: null, selected: new Set(), matching: null })),
      /** Home and End: the first row, or the view's last (loading the rest of it, up to a bound). */
      moveToEdge: (edge: 'first' | 'last') =>
        serial(async () => {
          if (edge === 'first') return set({ cursor: 0, anchor: null })
          while (state.current.next && state.current.rows.length < END_LOADS_AT_MOST) await loadMore()
          const more = state.current.next !== null
          set({
            cursor: Math.max(0, state.current.rows.length - 1),
            anchor: null,
            message: more ? `Showing the first ${state.current.rows.length.toLocaleString()}; End again goes further.` : state.current.message
          })
        }),
      /** Moves to the first comment of the next (or previous) article in the view. */
      jumpArticle: (direction: 1 | -1) =>
        serial(() => {
          const { rows, cursor } = state.current
          const title = rows[cursor]?.articleTitle
          let index = cursor
          while (index + direction >= 0 && index + direction < rows.length && rows[index].articleTitle === title) index += direction
          // Going back lands on the first row of that article, not its last.
          if (direction < 0) while (index > 0 && rows[index - 1].articleTitle === rows[index].articleTitle) index--
          set({ cursor: index, anchor: null })
        }),
      toggleSelect: (key?: number) =>
        serial(() => {
          const target = key ?? state.current.rows[state.current.cursor]?.key
          if (target === undefined) return
          const selected = new Set(state.current.selected)
          if (!selected.delete(target)) selected.add(target)
          set({ selected, matching: null })
        }),
      selectView: () => serial(() => set({ selected: new Set(state.current.rows.map((row) => row.key)), matching: null })),
      clearSelection: () => serial(() => set({ selected: new Set(), matching: null, anchor: null, message: null })),
      /** Takes off the filter chip added last (Backspace, as in a field of tags). */
      removeLastFilter: () =>
        serial(async () => {
          const last = chipsOf(state.current.conditions, {}).at(-1)
          if (last) await show({ ...current(), conditions: withoutChip(state.current.conditions, last.key) })
        }),
      /** Selects every comment the view's filter (narrowed by `score`, a band) matches, without loading them. */
      selectAllMatching: (score?: Filter['score']) =>
        serial(async () => {
          await decisionsAnswered()
          const filter = { ...viewFilter(current()), ...(score ? { score } : {}) }
          set({ matching: { filter, count: await client.call('count', { filter }) }, selected: new Set() })
        }),
      /** Decides on the selection, or on the cursor row when nothing is selected. */
      decide: (action: Action, clause?: string, note?: string) =>
        serial(() => {
          const row = state.current.rows[state.current.cursor]
          const { selected, matching } = state.current
          if (matching === null && !selected.size && row && actionApplies(action, row.status)) return decideAtOnce(row, action, clause, note)
          return decideAndWait(action, clause, note)
        }),
      /** Asks for a second opinion; the rows carry the mark, and the cursor moves on from a comment escalated under it. */
      escalate: (note: string) =>
        serial(async () => {
          // After the decisions sent before it: a decision settles an escalation made earlier, not a later one.
          await decisionsAnswered()
          const { rows, cursor, selected, matching } = state.current
          const keys = selected.size ? [...selected] : rows[cursor] ? [rows[cursor].key] : []
          const target = matching !== null ? { filter: matching.filter } : { keys }
          const { escalated } = await client.call('escalate', { ...target, note })
          const marked = new Set(keys)
          set({
            rows: matching !== null ? rows : rows.map((row) => (marked.has(row.key) ? { ...row, escalated: true } : row)),
            cursor: matching === null && !selected.size ? clamp(cursor + 1, rows.length) : cursor,
            selected: new Set(),
            matching: null,
            message: `Escalated ${count(escalated)} for a second opinion.`
          })
          if (matching !== null) await show(current(), Math.max(PAGE, rows.length), rows[cursor] ? [rows[cursor].id] : [])
        }),
      undo: () => serial(() => revert('undo')),
      redo: () => serial(() => revert('redo')),
      dismissMessage: () => set({ message: null }),
      dismissUndoOffer: () => set({ undoOffer: null }),
      /** Marks the rows teammates are reading (team mode): `claims` names who, by key; other rows are free. */
      markClaims: (claims: Record<number, string>) => {
        const { rows } = state.current
        if (!rows.some((row) => (row.claimedBy ?? undefined) !== claims[row.key])) return
        set({ rows: rows.map((row) => ((row.claimedBy ?? undefined) === claims[row.key] ? row : { ...row, claimedBy: claims[row.key] })) })
      }
    }),
    [serial, show, loadMore, prefetch, move, readCounts, revert, set, decideAtOnce, decideAndWait, decisionsAnswered]
  )

  return { state: state.current, ...commands }
}

/** A comment as a message names it: its author and the start of its text. */
function describe(row: CommentRow): string {
  const text = row.text.length > 40 ? `${row.text.slice(0, 40).trimEnd()}…` : row.text
  return `${row.authorName ?? 'an anonymous reader'}'s comment “${text}”`
}
