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

/** A publisher word-list match in a comment's text (UTF-16 offsets). */
export interface WordMatch {
  start: number
  end: number
  /** The listed word it matched (the text may spell it z0rbl@x). */
  word: string
  list: 'banned' | 'suspect'
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

/** The statuses an action may start from, where it is not every status: only a disabled or removed comment can be re-enabled. */
export const ACTION_FROM: Partial<Record<Action, readonly Status[]>> = {
  enable: ['disabled', 'removed']
}

/** Whether `action` can change a comment in `status` (the engine applies the same rule). */
export function actionApplies(action: Action, status: Status): boolean {
  return ACTION_FROM[action]?.includes(status) ?? true
}

export const QUEUES = ['review', 'likely', 'reported', 'teach', 'escalated', 'approved', 'removed', 'disabled', 'conflicts', 'all'] as const
export type QueueId = (typeof QUEUES)[number]
export const QUEUE_LABELS: Record<QueueId, string> = {
  review: 'Needs review',
  likely: 'Likely violations',
  reported: 'Reported by readers',
  teach: 'Teach Sieve',
  escalated: 'Escalated',
  approved: 'Approved',
  removed: 'Removed',
  disabled: 'Disabled',
  conflicts: 'Conflicts',
  all: 'All'
}

/** `teach`: what the model is least sure about first, near-duplicates last (Teach Sieve). */
export const SORTS = ['priority', 'newest', 'oldest', 'reports', 'teach'] as const
export type SortKey = (typeof SORTS)[number]

/** A Terms-of-Use clause: the reason a removal names. */
export interface Clause {
  code: string
  title: string
  description: string
  /** The digit that picks it in the clause picker. */
  key: string
  /** What the platform does with a comment removed under it. */
  upstream: 'trash' | 'spam' | 'hold'
  /** The DSA Transparency Database category a removal under it is filed as (STATEMENT_CATEGORY_*). */
  dsaCategory?: string
  /** Its keywords there (category_specification, KEYWORD_*), where the clause clearly maps to some. */
  dsaKeywords?: string[]
  /** With KEYWORD_OTHER: what the keyword stands for (category_specification_other). */
  dsaKeywordOther?: string
  /** The law a removal under it relies on: the statement then files it as illegal content on this ground. */
  legalGround?: string
  /** Without a legalGround: filed as a Terms-of-Use breach that is also considered illegal. */
  consideredIllegal?: boolean
}

/** What statements of reasons under the EU Digital Services Act need beyond the clauses. */
export interface DsaSettings {
  /** The Terms of Use's words that let the publisher hide a comment at its discretion: what a disable cites. */
  discretionClause?: string
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
  /** In a queue page, the first 1,000 characters; the detail pane (commentDetail) has the whole text. */
  text: string
  /** Whether `text` stops short of the whole comment. */
  textTruncated: boolean
  authorName: string | null
  /** The author's and the article's ids on their platform (what filters name them by). */
  authorId: string | null
  articleTitle: string | null
  articleId: string | null
  createdAt: string | null
  reports: number
  status: Status
  clause: string | null
  /** The clause a removal would most likely cite (learned from this newsroom's removals); the clause picker opens on it. */
  suggestedClause: string | null
  priority: number
  scores: Scores
  spans: Span[]
  /** Publisher word-list matches. */
  words: WordMatch[]
  /** How many of this author's comments have been removed (their record at a glance). */
  authorRemoved: number
  sourceName: string
  /** Whether its latest decision reached its platform; null when there is nothing to push. */
  sync: SyncState | null
  /** Whether someone asked for a second opinion that no decision has settled yet. */
  escalated: boolean
  /** In team mode, the teammate reading it now (their claim), as the window last heard. */
  claimedBy?: string
  /** The latest decision on it (0: none yet): a decision says which version it saw, so that in a team nobody decides a comment someone else just decided. */
  version: number
  /** Its status on its platform in the platform's words (WordPress: hold, approved, spam, trash, or deleted), as last seen; null for a file's comment. */
  platformStatus: string | null
}

/**
 * A decision on its way to the platform: pending (in the grace period, or retrying: `error` says why),
 * synced, failed (the platform refused it: `error` is its message), or conflict (the platform changed or
 * deleted the comment after the decision, and Sieve did not overwrite it).
 */
export interface SyncState {
  state: 'pending' | 'synced' | 'failed' | 'conflict'
  error?: string
}

export interface QueuePage {
  rows: CommentRow[]
  /** Pass back to get the next page; null at the end. */
  next: string | null
  /** The newest comment's key when the page was read: later arrivals wait behind a "N new" button. */
  latestKey: number
}

export type QueueCounts = Record<QueueId, number>

export interface DecisionResult {
  batchId: number
  /** How many comments changed state. */
  changed: number
  /** How many were left alone because another moderator decided them after this one saw them. */
  skipped?: number
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
  /** The auto-moderation rule that made an automated decision. */
  rule: string | null
  /** local: nothing to push (imported or demo comment); superseded: a later decision was pushed instead. */
  syncState: 'local' | 'pending' | 'synced' | 'failed' | 'conflict' | 'superseded'
}

/** A neighbour of the comment in the detail pane: its parent, a reply, another comment by its author. */
export interface RelatedComment {
  key: number
  id: string
  text: string
  authorName: string | null
  createdAt: string | null
  status: Status
  clause: string | null
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
  comment: CommentRow & { upstreamStatus: Status }
  /** `closable`: its platform can close it to new comments (a WordPress post). */
  article: { id: string; title: string | null; url: string | null; commentingOpen: boolean; closable: boolean } | null
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

/** Whether a scorer can score now: ready, or why not. */
export const SCORER_STATES = ['ready', 'no-key', 'invalid-key', 'quota', 'gone', 'error'] as const
export type ScorerState = (typeof SCORER_STATES)[number]

/** A scorer as the settings screen and `sieve scorers` show it. */
export interface ScorerInfo {
  name: string
  label: string
  /** Whether comment text is sent to a service. */
  remote: boolean
  state: ScorerState
  /** A sentence for the moderator: what the state means and what to do. */
  detail: string
  attributes: Attribute[]
  modelVersion: string
  /** Its settings in force; never a key. */
  settings: Record<string, unknown>
  hasKey: boolean
}

/** A platform Sieve pulls from and pushes decisions to, as the Sources screen lists it. */
export interface SourceInfo {
  name: string
  kind: string
  url: string
  user: string
  /** False when the password is missing from this machine's secret store (re-add the source). */
  hasPassword: boolean
  comments: number
  /** Decisions waiting to be pushed, refused by the platform, and comments in conflict. */
  pending: number
  failed: number
  conflicts: number
  lastPulledAt: string | null
  /** Comments the last pull could not take in, by their id on the site, with why (they stay held there). */
  lastPullRejected: { id: string; reason: string }[]
}

export interface ConnectionTestResult {
  ok: boolean
  /** What failed: dns, tls, refused, network, unauthorized, forbidden, not-found, http. */
  kind?: string
  message: string
}

/** What one round of pushing did. */
export interface SyncReport {
  synced: number
  failed: number
  conflicts: number
  /** Still pending: retried later with backoff (network trouble, 408, 429, 5xx). */
  retrying: number
  /** Why nothing was pushed at all, if so (another process is pushing). */
  note?: string
  /** One line per comment that did not sync, with why. */
  problems: { source: string; id: string; state: 'failed' | 'conflict' | 'pending'; error: string }[]
}
