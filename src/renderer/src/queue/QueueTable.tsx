// The queue as an ARIA grid: TanStack Table lays out the columns, TanStack Virtual renders only the
// rows in view (each as tall as its comment, up to four lines), and the engine supplies the rows a page
// at a time. The grid takes the focus itself and names the current row with aria-activedescendant, so a
// screen reader reads each comment the cursor lands on.
import { memo, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react'
import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  FlexRender,
  tableFeatures,
  useTable,
  type Row
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { CommentRow, SortKey } from '../../../shared/model'
import type { TableLayout } from '../../../shared/settings'
import { age } from './age'
import { HighlightedText } from './HighlightedText'
import { ScoreBar, strongest } from './ScoreBar'
import { SyncBadge } from '../sources/SyncBadge'

/** A first guess at a row's height, before it is measured. */
const ROW_ESTIMATE = 72

const features = tableFeatures({ columnSizingFeature, columnResizingFeature, columnVisibilityFeature, columnOrderingFeature })
const column = createColumnHelper<typeof features, CommentRow>()
const columns = column.columns([
  column.accessor('priority', { header: 'Score', size: 140, cell: (info) => <ScoreBar scores={info.row.original.scores} /> }),
  column.accessor('text', {
    header: 'Comment',
    enableHiding: false,
    size: 560,
    cell: (info) => (
      <div className="comment-text">
        {info.row.original.escalated && (
          <span className="badge escalated" title="Escalated for a second opinion">
            Escalated
          </span>
        )}
        {info.row.original.claimedBy && (
          <span className="badge claimed" title="A teammate has this comment on screen: leave it to them">
            {info.row.original.claimedBy} is reading
          </span>
        )}
        <HighlightedText text={info.getValue()} spans={info.row.original.spans} words={info.row.original.words} />
      </div>
    )
  }),
  column.accessor('authorName', {
    header: 'Author',
    size: 140,
    cell: (info) => {
      const removed = info.row.original.authorRemoved
      return (
        <span className="author">
          <span className="clip">{info.getValue()}</span>
          {removed > 0 && (
            <span className="removed-count" title={`${removed} of this author's comments removed`} aria-label={`${removed} removed before`}>
              {removed} removed
            </span>
          )}
        </span>
      )
    }
  }),
  column.accessor('articleTitle', { header: 'Article', size: 180, cell: (info) => <span className="clip">{info.getValue()}</span> }),
  column.accessor('createdAt', { header: 'Age', size: 100, cell: (info) => age(info.getValue()) }),
  column.accessor('reports', { header: 'Reports', size: 70, cell: (info) => info.getValue() || '' }),
  column.accessor('sourceName', { header: 'Source', size: 120, cell: (info) => <span className="clip">{info.getValue()}</span> }),
  column.accessor('status', {
    header: 'Status',
    size: 120,
    cell: (info) => (
      <span className={`status ${info.getValue()}`}>
        {info.getValue()}
        {info.row.original.clause ? ` · ${info.row.original.clause}` : ''}
      </span>
    )
  }),
  // Shown only beside Sieve's status in the Conflicts queue: where the two disagree.
  column.accessor('platformStatus', {
    header: 'On the site',
    size: 110,
    cell: (info) => <span className={`platform-status ${info.getValue() ?? ''}`}>{info.getValue()}</span>
  }),
  column.accessor('sync', { header: 'Sync', size: 100, cell: (info) => <SyncBadge sync={info.getValue()} /> })
])

/** The site's own status is a column of the Conflicts queue only, never of the moderator's layout. */
const SIDE_BY_SIDE_ONLY = 'platformStatus'
/** What the Conflicts queue shows side by side: Sieve's status, the site's, and where the push stands. */
const SIDE_BY_SIDE = ['status', SIDE_BY_SIDE_ONLY, 'sync']

/** The columns the engine can sort by, and the sort a click on their header asks for. */
const HEADER_SORTS: Partial<Record<string, (current: SortKey) => SortKey>> = {
  priority: () => 'priority',
  createdAt: (current) => (current === 'newest' ? 'oldest' : 'newest'),
  reports: () => 'reports'
}
const SORTED_BY: Partial<Record<SortKey, [string, 'descending' | 'ascending']>> = {
  priority: ['priority', 'descending'],
  newest: ['createdAt', 'descending'],
  oldest: ['createdAt', 'ascending'],
  reports: ['reports', 'descending']
}

// Every column is an accessor column: its id is the field it shows.
const ALL_COLUMN_IDS = columns.map((definition) => (definition as { accessorKey: string }).accessorKey)
/** The columns a moderator arranges (Columns…). */
export const COLUMN_IDS = ALL_COLUMN_IDS.filter((id) => id !== SIDE_BY_SIDE_ONLY)
export const COLUMN_NAMES = Object.fromEntries(columns.map((definition, i) => [ALL_COLUMN_IDS[i], String(definition.header)]))

/**
 * The layout the table shows: the moderator's, except that the Conflicts queue puts Sieve's status, the
 * site's and the sync state side by side (whatever is hidden elsewhere), and other queues leave the site's out.
 */
function shownLayout(layout: TableLayout, sideBySide: boolean): { hidden: string[]; order: string[] } {
  if (!sideBySide) return { hidden: [...layout.hidden, SIDE_BY_SIDE_ONLY], order: layout.order }
  const pinned = SIDE_BY_SIDE
  const rest = (layout.order.length ? layout.order : COLUMN_IDS).filter((id) => !pinned.includes(id))
  const at = Math.min(rest.length, Math.max(0, (layout.order.length ? layout.order : COLUMN_IDS).indexOf('status')))
  return { hidden: layout.hidden.filter((id) => !pinned.includes(id)), order: [...rest.slice(0, at), ...pinned, ...rest.slice(at)] }
}

/** Columns that say nothing when every row shows the same (one source, one status): hidden unless shown on purpose. */
const HIDDEN_WHEN_CONSTANT = ['authorName', 'articleTitle', 'reports', 'sourceName', 'status', 'sync'] as const

/** The columns whose value is the same on every loaded row. */
export function constantColumns(rows: CommentRow[]): Set<string> {
  if (rows.length < 2) return new Set()
  const value = (row: CommentRow, id: (typeof HIDDEN_WHEN_CONSTANT)[number]) =>
    id === 'status' ? `${row.status}:${row.clause}` : id === 'sync' ? JSON.stringify(row.sync) : row[id]
  return new Set(HIDDEN_WHEN_CONSTANT.filter((id) => rows.every((row) => value(row, id) === value(rows[0], id))))
}

/** Whether a column shows: the moderator's choice, else shown unless it is constant. */
export function columnShows(layout: TableLayout, constant: ReadonlySet<string>, id: string): boolean {
  if (layout.hidden.includes(id)) return false
  return !constant.has(id) || (layout.shown ?? []).includes(id)
}

/** What a screen reader hears when the cursor lands on a row. */
function rowLabel(comment: CommentRow): string {
  const top = strongest(comment.scores)
  const score = top ? `${top[0].toLowerCase().replace(/_/g, ' ')} ${Math.round(top[1] * 100)}%` : 'not scored'
  const flags = [comment.status, comment.escalated ? 'escalated' : '', comment.reports ? `${comment.reports} reports` : ''].filter(Boolean).join(', ')
  return `${comment.authorName ?? 'Anonymous'}: ${comment.text.slice(0, 300)} — ${score}, ${flags}`
}

/**
 * A row's cells. They show only the comment, so a row whose comment is the same object draws nothing
 * anew when the rows around it move (a decision takes one out, the cursor moves on): a key step then
 * costs the rows that changed, not every row in view.
 */
const RowCells = memo(
  function RowCells({ row }: { row: Row<typeof features, CommentRow>; columns: string }) {
    return row.getVisibleCells().map((cell) => (
      <div role="gridcell" className={`cell col-${cell.column.id}`} key={cell.id}>
        <FlexRender cell={cell} />
      </div>
    ))
  },
  (before, after) => before.row.original === after.row.original && before.columns === after.columns
)

export interface QueueTableHandle {
  /** How many rows fit in the grid's height (PageDown moves by this many). */
  rowsInView(): number
  focus(): void
}

interface QueueTableProps {
  rows: CommentRow[]
  layout: TableLayout
  onLayout(layout: TableLayout): void
  sort: SortKey | null
  onSort(sort: SortKey): void
  cursor: number
  selected: ReadonlySet<number>
  label: string
  /** Sieve's status beside the site's (the Conflicts queue). */
  sideBySide?: boolean
  hasMore: boolean
  onCursor(index: number): void
  onToggle(key: number): void
  onNearEnd(): void
  ref?: Ref<QueueTableHandle>
}

/** Drawn again only when what it shows changes: the counts, the pace or a message moving leave it alone. */
export const QueueTable = memo(function QueueTable(props: QueueTableProps) {
  const { rows, layout, onLayout, sort, onSort, cursor, selected, label, sideBySide = false, hasMore, onCursor, onToggle, onNearEnd, ref } = props
  const shown = shownLayout(layout, sideBySide)
  // In the Conflicts queue, Sieve's status and the site's show side by side even where every row agrees.
  const constant = sideBySide ? new Set([...constantColumns(rows)].filter((id) => !SIDE_BY_SIDE.includes(id))) : constantColumns(rows)
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.key),
    columnResizeMode: 'onChange',
    state: {
      columnSizing: layout.sizes,
      columnVisibility: Object.fromEntries(ALL_COLUMN_IDS.map((id) => [id, columnShows({ ...layout, hidden: shown.hidden }, constant, id)])),
      columnOrder: shown.order
    },
    onColumnSizingChange: (update) => onLayout({ ...layout, sizes: typeof update === 'function' ? update(layout.sizes) : update })
  })
  // The grid itself scrolls (its header sticks), so the one element that takes the focus is the one that scrolls.
  const grid = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const [headerHeight, setHeaderHeight] = useState(0)
  useLayoutEffect(() => {
    const measure = () => setHeaderHeight(body.current?.offsetTop ?? 0)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(grid.current!)
    return () => observer.disconnect()
  }, [])
  const tableRows = table.getRowModel().rows
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => grid.current,
    scrollMargin: headerHeight,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => tableRows[index].id,
    overscan: 8,
    // Measurements and scrolling re-render with React's next update, never as a second render inside a key's.
    useFlushSync: false
  })
  useImperativeHandle(ref, () => ({
    rowsInView: () => {
      const start = (virtualizer.scrollOffset ?? 0) + headerHeight
      const end = (virtualizer.scrollOffset ?? 0) + (grid.current?.clientHeight ?? 0)
      const inView = virtualizer.getVirtualItems().filter((item) => item.start >= start && item.end <= end)
      return Math.max(1, inView.length)
    },
    focus: () => grid.current?.focus()
  }))

  // Keeps the cursor row in view. A row drawn already (the next one, the one before) is brought in by
  // setting the scroll position from the virtualizer's own measurements: reading the page's geometry
  // instead would make the browser lay the page out in the middle of the key's frame.
  useEffect(() => {
    if (!rows.length) return
    const item = virtualizer.getVirtualItems().find((candidate) => candidate.index === cursor)
    const height = virtualizer.scrollRect?.height
    if (!item || !height || !grid.current) return virtualizer.scrollToIndex(cursor, { align: 'auto' })
    const scrolled = virtualizer.scrollOffset ?? 0
    // Under the sticky header at the top, or whole at the bottom.
    if (item.start - headerHeight < scrolled) grid.current.scrollTop = item.start - headerHeight
    else if (item.end > scrolled + height) grid.current.scrollTop = Math.min(item.end - height, item.start - headerHeight)
  }, [cursor, rows.length, virtualizer, headerHeight])

  const items = virtualizer.getVirtualItems()
  const lastVisible = items.at(-1)?.index ?? 0
  useEffect(() => {
    if (hasMore && lastVisible >= rows.length - 10) onNearEnd()
  }, [hasMore, lastVisible, rows.length, onNearEnd])

  const headers = table.getHeaderGroups()[0].headers
  const shownColumns = headers.map((header) => header.column.id).join(' ')
  const template = headers
    // The comment takes the room left (never under 240 px) unless the moderator sized it.
    .map((header) =>
      header.column.id === 'text' && layout.sizes.text === undefined ? 'minmax(320px, 1fr)' : `${header.getSize()}px`
    )
    .join(' ')
  const gridStyle = { gridTemplateColumns: `36px ${template}` }

  return (
    <div
      className="grid"
      role="grid"
      ref={grid}
      tabIndex={0}
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={rows[cursor] ? `row-${rows[cursor].key}` : undefined}
    >
      <div className="grid-head" role="rowgroup">
        <div className="grid-row head" role="row" aria-rowindex={1} style={gridStyle}>
          <div role="columnheader" className="cell check">
            <span className="visually-hidden">Selected</span>
          </div>
          {headers.map((header) => {
            const sortBy = HEADER_SORTS[header.column.id]
            const sorted = sort && SORTED_BY[sort]?.[0] === header.column.id ? SORTED_BY[sort]![1] : undefined
            return (
              <div role="columnheader" className="cell" key={header.id} aria-sort={sorted ?? (sortBy ? 'none' : undefined)}>
                {sortBy ? (
                  <button className="header-sort" onClick={() => onSort(sortBy(sort ?? 'priority'))} title="Sort by this column">
                    <table.FlexRender header={header} />
                    {sorted ? (sorted === 'descending' ? ' ↓' : ' ↑') : ''}
                  </button>
                ) : (
                  <table.FlexRender header={header} />
                )}
                <div
                  className="resizer"
                  role="separator"
                  aria-orientation="vertical"
                  aria-label={`Resize ${String(header.column.columnDef.header)}`}
                  onMouseDown={header.getResizeHandler()}
                />
              </div>
            )
          })}
        </div>
      </div>
      <div className="grid-body" role="rowgroup" ref={body}>
        {rows.length === 0 ? (
          <div role="row" className="empty">
            <div role="gridcell">Nothing here. The queue is clear.</div>
          </div>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = tableRows[item.index]
            const comment = row.original
            const isCursor = item.index === cursor
            const isSelected = selected.has(comment.key)
            return (
              <div
                key={row.id}
                id={`row-${comment.key}`}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                aria-current={isCursor ? 'true' : undefined}
                aria-label={rowLabel(comment)}
                data-comment-id={comment.id}
                data-status={comment.status}
                data-claimed-by={comment.claimedBy}
                className={`grid-row${isCursor ? ' cursor' : ''}${isSelected ? ' selected' : ''}${comment.escalated ? ' escalated' : ''}`}
                style={{ ...gridStyle, transform: `translateY(${item.start - headerHeight}px)` }}
                onClick={() => {
                  onCursor(item.index)
                  grid.current?.focus()
                }}
              >
                <div role="gridcell" className="cell check">
                  <input
                    type="checkbox"
                    aria-label="Select comment"
                    title="Select (x)"
                    tabIndex={-1}
                    checked={isSelected}
                    onChange={() => onToggle(comment.key)}
                    onClick={(event) => event.stopPropagation()}
                  />
                </div>
                <RowCells row={row} columns={shownColumns} />
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
})
