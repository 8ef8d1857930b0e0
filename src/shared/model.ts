// The domain vocabulary every side shares. No Node, no DOM.

export const ATTRIBUTES = [
  'TOXICITY',
  'SEVERE_TOXICITY',
  'INSULT',
  'PROFANITY',
  'THREAT',
  'IDENTITY_ATTACK',
  'SEXUALLY_EXPLICIT',
  'SPAM'
] as const
export type Attribute = (typeof ATTRIBUTES)[number]
export type Scores = Partial<Record<Attribute, number>>

/** A stretch of the comment text that drove a score, as UTF-16 offsets into the text. */
export interface Span {
  start: number
  end: number
  attribute: Attribute
  /** Why it fired, shown to the moderator: the matched word or pattern. */
  signal: string
}

/** The state a comment is in, derived from the decision log (or the platform's status before any decision). */
export const STATUSES = ['pending', 'approved', 'removed', 'disabled'] as const
export type Status = (typeof STATUSES)[number]

export const ACTIONS = ['approve', 'remove', 'disable', 'enable'] as const
export type Action = (typeof ACTIONS)[number]

/** The status each action leads to. */
export const ACTION_STATUS: Record<Action, Status> = {
  approve: 'approved',
  remove: 'removed',
  disable: 'disabled',
  enable: 'approved'
}

export const QUEUES = ['review', 'likely', 'reported', 'escalated', 'approved', 'removed', 'disabled', 'all'] as const
export type QueueId = (typeof QUEUES)[number]
export const QUEUE_LABELS: Record<QueueId, string> = {
  review: 'Needs review',
  likely: 'Likely violations',
  reported: 'Reported by readers',
  escalated: 'Escalated',
  approved: 'Approved',
  removed: 'Removed',
  disabled: 'Disabled',
  all: 'All'
}

export const SORTS = ['priority', 'newest', 'oldest', 'reports'] as const
export type SortKey = (typeof SORTS)[number]

/** A Terms-of-Use clause: the reason a removal names. */
export interface Clause {
  code: string
  title: string
  description: string
  /** The digit that picks it in the reason picker. */
  key: string
  /** What the platform does with a comment removed under it. */
  upstream: 'trash' | 'spam' | 'hold'
  /** The DSA Transparency Database category a removal under it is filed as (STATEMENT_CATEGORY_*). */
  dsaCategory?: string
  /** For a clause about illegal content: the legal ground a statement of reasons cites. */
  legalGround?: string
}

/** What statements of reasons under the EU Digital Services Act need beyond the clauses. */
export interface DsaSettings {
  /** Where the decisions apply: EU/EEA country codes. */
  territorialScope: string[]
  /** The category a disabled comment is filed as. */
  disableCategory?: string
  /** How a reader files an internal complaint, as the statement to them says it. */
  complaints?: string
}

export interface Policy {
  publisher: string
  version: string
  url: string
  clauses: Clause[]
  dsa?: DsaSettings
}

/** One row of a queue, as the table shows it. */
export interface CommentRow {
  /** Sieve's own id (stable within this database). */
  key: number
  /** The id the comment has on its source platform. */
  id: string
  text: string
  authorName: string | null
  articleTitle: string | null
  createdAt: string | null
  reports: number
  status: Status
  reason: string | null
  priority: number
  scores: Scores
  spans: Span[]
}

export interface QueuePage {
  rows: CommentRow[]
  /** Pass back to get the next page; null at the end. */
  next: string | null
}

export type QueueCounts = Record<QueueId, number>

export interface DecisionResult {
  batchId: number
  /** How many comments changed state. */
  changed: number
}

/** What an undo or a redo did. */
export interface UndoResult {
  /** The batch that was undone (or the undo that was redone); null when there was nothing to do. */
  batchId: number | null
  /** Source ids of the comments put back. */
  ids: string[]
  action: Action | null
}

/** One row of the decision log, as exported. */
export interface DecisionLogEntry {
  decisionId: number
  batchId: number
  decidedAt: string
  moderator: string
  machine: string
  commentId: string
  articleTitle: string | null
  authorName: string | null
  action: Action | 'undo'
  statusBefore: Status
  statusAfter: Status
  clause: string | null
  clauseTitle: string | null
  note: string | null
  scores: Scores
  automated: boolean
  syncState: 'local'
}

/** A neighbour of the comment in the detail pane: its parent, a reply, another comment by its author. */
export interface RelatedComment {
  key: number
  id: string
  text: string
  authorName: string | null
  createdAt: string | null
  status: Status
  reason: string | null
}

export interface DecisionHistoryEntry {
  decidedAt: string
  moderator: string
  action: Action | 'undo'
  statusAfter: Status
  clause: string | null
  clauseTitle: string | null
  note: string | null
  automated: boolean
}

export interface ScorerScores {
  scorer: string
  modelVersion: string
  scoredAt: string
  /** Attributes scored below 0.01 are absent. */
  scores: Scores
}

/** Everything the detail pane shows about one comment. */
export interface CommentDetail {
  comment: CommentRow & { upstreamStatus: Status; source: string }
  article: { id: string; title: string | null; url: string | null; commentingOpen: boolean } | null
  author: { id: string; name: string | null; comments: number; removed: number; recent: RelatedComment[] } | null
  parent: RelatedComment | null
  replies: RelatedComment[]
  scorers: ScorerScores[]
  history: DecisionHistoryEntry[]
  /** The open request for a second opinion, if any. */
  escalation: Escalation | null
}

export interface Escalation {
  note: string
  moderator: string
  createdAt: string
}

/** A long job as the UI sees it. */
export interface JobSnapshot {
  id: number
  kind: string
  state: 'running' | 'done' | 'failed' | 'cancelled'
  done: number
  total: number
  /** When finished: what happened, in a sentence or a few lines. */
  message: string | null
}
