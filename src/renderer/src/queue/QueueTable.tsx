// The queue as an ARIA grid: TanStack Table lays out the columns, TanStack Virtual renders only the
// rows in view, and the engine supplies the rows a page at a time.
import { useEffect, useRef } from 'react'
import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  tableFeatures,
  useTable
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { CommentRow, SortKey } from '../../../shared/model'
import type { TableLayout } from '../../../shared/settings'
import { age } from './age'
import { HighlightedText } from './HighlightedText'
import { ScoreBar } from './ScoreBar'
import { SyncBadge } from '../sources/SyncBadge'

const ROW_HEIGHT = 64

const features = tableFeatures({ columnSizingFeature, columnResizingFeature, columnVisibilityFeature, columnOrderingFeature })
const column = createColumnHelper<typeof features, CommentRow>()
const columns = column.columns([
  column.accessor('priority', { header: 'Score', size: 170, cell: (info) => <ScoreBar scores={info.row.original.scores} /> }),
  column.accessor('text', {
    header: 'Comment',
    enableHiding: false,
    size: 560,
    cell: (info) => (
      <div className="comment-text">
        <HighlightedText text={info.getValue()} spans={info.row.original.spans} words={info.row.original.words} />
      </div>
    )
  }),
  column.accessor('authorName', {
    header: 'Author',
    size: 150,
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
  column.accessor('articleTitle', { header: 'Article', size: 220, cell: (info) => <span className="clip">{info.getValue()}</span> }),
  column.accessor('createdAt', { header: 'Age', size: 90, cell: (info) => age(info.getValue()) }),
  column.accessor('reports', { header: 'Reports', size: 70, cell: (info) => info.getValue() || '' }),
  column.accessor('sourceName', { header: 'Source', size: 120, cell: (info) => <span className="clip">{info.getValue()}</span> }),
  column.accessor('status', {
    header: 'Status',
    size: 120,
    cell: (info) => (
      <span className={`status ${info.getValue()}`}>
        {info.getValue()}
        {info.row.original.reason ? ` · ${info.row.original.reason}` : ''}
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
  const pinned = ['status', SIDE_BY_SIDE_ONLY, 'sync']
  const rest = (layout.order.length ? layout.order : COLUMN_IDS).filter((id) => !pinned.includes(id))
  const at = Math.min(rest.length, Math.max(0, (layout.order.length ? layout.order : COLUMN_IDS).indexOf('status')))
  return { hidden: layout.hidden.filter((id) => !pinned.includes(id)), order: [...rest.slice(0, at), ...pinned, ...rest.slice(at)] }
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
}

export function QueueTable(props: QueueTableProps) {
  const { rows, layout, onLayout, sort, onSort, cursor, selected, label, sideBySide = false, hasMore, onCursor, onToggle, onNearEnd } = props
  const shown = shownLayout(layout, sideBySide)
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => String(row.key),
    columnResizeMode: 'onChange',
    state: {
      columnSizing: layout.sizes,
      columnVisibility: Object.fromEntries(shown.hidden.map((id) => [id, false])),
      columnOrder: shown.order
    },
    onColumnSizingChange: (update) => onLayout({ ...layout, sizes: typeof update === 'function' ? update(layout.sizes) : update })
  })
  const scroller = useRef<HTMLDivElement>(null)
  const tableRows = table.getRowModel().rows
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => tableRows[index].id,
    overscan: 8
  })

  useEffect(() => {
    if (rows.length) virtualizer.scrollToIndex(cursor, { align: 'auto' })
  }, [cursor, rows.length, virtualizer])

  const items = virtualizer.getVirtualItems()
  const lastVisible = items.at(-1)?.index ?? 0
  useEffect(() => {
    if (hasMore && lastVisible >= rows.length - 10) onNearEnd()
  }, [hasMore, lastVisible, rows.length, onNearEnd])

  const headers = table.getHeaderGroups()[0].headers
  const template = headers
    // The comment takes the room left (never under 240 px) unless the moderator sized it.
    .map((header) =>
      header.column.id === 'text' && layout.sizes.text === undefined ? 'minmax(240px, 1fr)' : `${header.getSize()}px`
    )
    .join(' ')
  const gridStyle = { gridTemplateColumns: `36px ${template}` }

  return (
    <div className="grid" role="grid" aria-label={label} aria-rowcount={rows.length + 1} aria-multiselectable="true">
      <div className="grid-head" role="rowgroup">
        <div className="grid-row head" role="row" aria-rowindex={1} style={gridStyle}>
          <div role="columnheader" className="cell check" aria-label="Selected" />
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
      <div className="grid-body" role="rowgroup" ref={scroller}>
        {rows.length === 0 ? <div className="empty">Nothing here. The queue is clear.</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = tableRows[item.index]
            const comment = row.original
            const isCursor = item.index === cursor
            const isSelected = selected.has(comment.key)
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                aria-current={isCursor ? 'true' : undefined}
                data-comment-id={comment.id}
                className={`grid-row${isCursor ? ' cursor' : ''}${isSelected ? ' selected' : ''}`}
                style={{ ...gridStyle, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => onCursor(item.index)}
              >
                <div role="gridcell" className="cell check">
                  <input
                    type="checkbox"
                    aria-label="Select comment"
                    title="Select (x)"
                    checked={isSelected}
                    onChange={() => onToggle(comment.key)}
                    onClick={(event) => event.stopPropagation()}
                  />
                </div>
                {row.getVisibleCells().map((cell) => (
                  <div role="gridcell" className={`cell col-${cell.column.id}`} key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </div>
                ))}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
