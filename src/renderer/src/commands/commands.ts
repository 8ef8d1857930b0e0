// Every command of the screen in one table: what it is called (the long label of the `?` overlay, the key
// settings and the tooltips; the short one on its button), its keys in Sieve's own key map, whether it needs
// a comment to act on, and, for a decision, the names the decision goes by; below it, where the buttons sit
// (the action bar, the toolbar, the More menu's groups). The key map, the action bar, the menu and the help
// overlay all read it; what each command does is in ./handlers.ts.
import { QUEUE_LABELS, type Action, type QueueId } from '../../../shared/model'

export type Command =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'pageDown'
  | 'pageUp'
  | 'extendDown'
  | 'extendUp'
  | 'toggleSelect'
  | 'selectView'
  | 'selectAllMatching'
  | 'toggleBands'
  | 'selectBand'
  | 'approve'
  | 'remove'
  | 'removeSpam'
  | 'disable'
  | 'enable'
  | 'escalate'
  | 'undo'
  | 'redo'
  | 'detail'
  | 'search'
  | 'filters'
  | 'removeFilter'
  | 'views'
  | 'showArrived'
  | 'sort'
  | 'previousArticle'
  | 'nextArticle'
  | `go:${QueueId}`
  | 'nextQueue'
  | 'help'
  | 'menu'
  | 'import'
  | 'sources'
  | 'team'
  | 'exportCsv'
  | 'exportJson'
  | 'reports'
  | 'scoring'
  | 'columns'
  | 'keys'
  | 'clear'

/** One key as keyName() spells it ("j", "ArrowDown", "Ctrl+z", " "), or a sequence of them (["g", "r"]). */
export type KeySpec = string | string[]

/** The names a decision goes by: its confirmation button, the verb in a message, and what is done. */
export interface DecisionNames {
  action: Action
  label: string
  verb: string
  done: string
}

export interface CommandSpec {
  id: Command
  /** The long form: the `?` overlay, the key settings and the tooltips. */
  label: string
  /** Sieve's own keys for it (a preset or the person's own keys may change them). */
  keys: KeySpec[]
  /** What its button or menu item says. */
  button?: string
  /** Greyed out while no comment is under the cursor or selected. */
  needsTarget?: boolean
  /** The decision it makes, for the commands that are one. */
  decision?: DecisionNames
}

const GO_KEYS: [QueueId, string][] = [
  ['review', 'r'],
  ['likely', 'l'],
  ['reported', 'p'],
  ['teach', 't'],
  ['escalated', 'e'],
  ['approved', 'a'],
  ['removed', 'x'],
  ['disabled', 'd'],
  ['conflicts', 'c']
]

/** In the order the `?` overlay and the key settings list them. */
export const COMMANDS: CommandSpec[] = [
  { id: 'next', keys: ['j', 'ArrowDown'], label: 'Next comment' },
  { id: 'previous', keys: ['k', 'ArrowUp'], label: 'Previous comment' },
  { id: 'pageDown', keys: ['PageDown'], label: 'A screenful down' },
  { id: 'pageUp', keys: ['PageUp'], label: 'A screenful up' },
  { id: 'first', keys: ['Home'], label: 'First comment' },
  { id: 'last', keys: ['End'], label: 'Last comment of the view' },
  { id: 'extendDown', keys: ['J', 'Shift+ArrowDown'], label: 'Extend the selection down' },
  { id: 'extendUp', keys: ['K', 'Shift+ArrowUp'], label: 'Extend the selection up' },
  { id: 'toggleSelect', keys: ['x', ' '], label: 'Select or deselect the comment' },
  { id: 'selectView', keys: ['Ctrl+a', 'Meta+a'], label: 'Select every comment loaded in the view' },
  { id: 'selectAllMatching', keys: ['*'], label: 'Select everything in this queue, loaded or not', button: 'Select all in this view' },
  { id: 'toggleBands', keys: ['h'], label: 'Show or hide the score-band histogram', button: 'Score bands' },
  { id: 'selectBand', keys: ['b'], label: 'Select every comment in the score band, loaded or not' },
  {
    id: 'approve',
    keys: ['a'],
    label: 'Approve',
    button: 'Approve',
    needsTarget: true,
    decision: { action: 'approve', label: 'Approve', verb: 'approve', done: 'Approved' }
  },
  {
    id: 'remove',
    keys: ['r'],
    label: 'Remove — pick a Terms-of-Use clause',
    button: 'Remove…',
    needsTarget: true,
    decision: { action: 'remove', label: 'Remove', verb: 'remove', done: 'Removed' }
  },
  {
    id: 'disable',
    keys: ['d'],
    label: 'Disable (hide at our discretion)',
    button: 'Disable',
    needsTarget: true,
    decision: { action: 'disable', label: 'Disable', verb: 'disable', done: 'Disabled' }
  },
  {
    id: 'enable',
    keys: ['e'],
    label: 'Re-enable / restore',
    button: 'Re-enable',
    needsTarget: true,
    decision: { action: 'enable', label: 'Re-enable', verb: 're-enable', done: 'Re-enabled' }
  },
  { id: 'escalate', keys: ['!'], label: 'Escalate for a second opinion, with a note', button: 'Escalate…', needsTarget: true },
  { id: 'undo', keys: ['z', 'Ctrl+z', 'Meta+z'], label: 'Undo the last decision (again for the one before)', button: 'Undo' },
  { id: 'redo', keys: ['Z', 'Ctrl+Shift+z', 'Meta+Shift+z'], label: 'Redo what was undone', button: 'Redo' },
  { id: 'detail', keys: ['Enter', 'o'], label: 'Open or close the detail pane' },
  { id: 'search', keys: ['/'], label: 'Search the comment text' },
  { id: 'filters', keys: ['f'], label: 'Filter by article, author, score, date, source or word list', button: 'Filters…' },
  { id: 'removeFilter', keys: ['Backspace'], label: 'Remove the last filter chip' },
  { id: 'views', keys: ['v'], label: 'Saved views: open, save or delete one', button: 'Views…' },
  { id: 'showArrived', keys: ['n'], label: 'Show the new comments waiting behind “N new”' },
  { id: 'sort', keys: ['s'], label: 'Next sort order (worst first, newest, oldest, most reported)' },
  { id: 'previousArticle', keys: ['['], label: "Previous article's comments", button: '◀ Previous article' },
  { id: 'nextArticle', keys: [']'], label: "Next article's comments", button: 'Next article ▶' },
  ...GO_KEYS.map(([queue, key]): CommandSpec => ({ id: `go:${queue}`, keys: [['g', key]], label: `Go to ${QUEUE_LABELS[queue]}` })),
  { id: 'nextQueue', keys: [], label: 'Go to the next queue' },
  { id: 'removeSpam', keys: [], label: 'Remove as spam (the spam clause, no picker)' },
  { id: 'help', keys: ['?'], label: 'Show this key map', button: 'Key map (?)' },
  { id: 'menu', keys: ['m'], label: 'More actions (the menu)' },
  { id: 'import', keys: [], label: 'Import comments from a file', button: 'Import…' },
  { id: 'sources', keys: [], label: 'Sources: WordPress sites, pull and sync', button: 'Sources…' },
  { id: 'team', keys: [], label: "Team database: connect to a newsroom's shared queue, or leave it", button: 'Team database…' },
  { id: 'exportCsv', keys: [], label: 'Export the decision log as CSV', button: 'Export log (CSV)' },
  { id: 'exportJson', keys: [], label: 'Export the decision log as JSON', button: 'Export log (JSON)' },
  { id: 'reports', keys: [], label: 'Reports: summaries, DSA statements, audit trails', button: 'Reports…' },
  { id: 'scoring', keys: [], label: 'Scoring: scorers, thresholds, word lists, rules', button: 'Scoring…' },
  { id: 'columns', keys: [], label: 'Show, hide and reorder columns', button: 'Columns…' },
  { id: 'keys', keys: [], label: 'Keyboard settings: presets and your own keys', button: 'Keys…' },
  { id: 'clear', keys: ['Escape'], label: 'Close the detail pane, clear the selection, or clear the search' }
]

const byId = new Map(COMMANDS.map((spec) => [spec.id, spec]))

export function command(id: Command): CommandSpec {
  return byId.get(id)!
}

/** The action bar: the decisions a moderator makes all day. */
export const ACTION_BAR: Command[] = ['approve', 'remove', 'disable', 'escalate']
/** The toolbar's own buttons, beside the search. */
export const TOOLBAR: Command[] = ['filters', 'views']
/** The More menu: everything else that has a button. */
export const MENU: { label: string; commands: Command[] }[] = [
  { label: 'Decide', commands: ['enable', 'undo', 'redo', 'selectAllMatching', 'toggleBands', 'previousArticle', 'nextArticle'] },
  { label: 'Comments and reports', commands: ['import', 'sources', 'reports', 'exportCsv', 'exportJson'] },
  { label: 'Settings', commands: ['scoring', 'team', 'columns', 'keys', 'help'] }
]

/** Each decision's names, from the command that makes it. */
export const DECISIONS = Object.fromEntries(COMMANDS.flatMap((spec) => (spec.decision ? [[spec.decision.action, spec.decision]] : []))) as Record<
  Action,
  DecisionNames
>
