// The numbers of a summary report, gathered in one pass over the period's decisions (rows streamed from the
// database, only counters and one number per decision kept), so a long period costs time, not memory.
import type { Policy } from '../../../shared/model'
import { AGREEMENT_THRESHOLDS, type ActionCounts, type ReportFilter, type ReportSummary, type Shifts } from '../../../shared/reports'
import type { Db } from '../database/database'
import { shiftFinder } from './shifts'
import { summaryChunks, type SummaryRow } from './store/summary-rows'

/** A pause longer than this between two actions ends a moderator's working stretch. */
const SESSION_GAP_MS = 15 * 60_000
/** The time credited to the first action of each stretch (it took some reading too). */
const FIRST_ACTION_MS = 60_000
const TOP_ARTICLES = 20

const noActions = (): ActionCounts => ({ approve: 0, remove: 0, disable: 0, enable: 0 })

interface ModeratorTally {
  decisions: number
  removals: number
  automated: number
  lastBatch: number
  lastAt: number
  activeMs: number
  actions: number
}

export function computeSummary(db: Db, policy: Policy, filter: ReportFilter, shifts: Shifts, generatedAt: Date): ReportSummary {
  const byAction = noActions()
  const standing = noActions()
  const byClause = new Map<string, { code: string; title: string; removals: number }>()
  const byModerator = new Map<string, ModeratorTally>()
  const byArticle = new Map<string, { id: string; title: string | null; decisions: number; removals: number }>()
  const byDay = new Map<string, ActionCounts>()
  const shiftOf = shiftFinder(shifts)
  const byShift = new Map<string, { day: string; shift: string; decisions: number; removals: number; moderators: Set<string> }>()
  const waits: number[] = []
  const agreement = AGREEMENT_THRESHOLDS.map((threshold) => ({ threshold, approved: 0, removed: 0, disabled: 0 }))
  let decisions = 0
  let automated = 0
  let undone = 0

  for (const chunk of summaryChunks(db, filter)) for (const row of chunk) count(row)

  function count([action, clauseCode, clauseTitle, moderator, batchId, decidedAt, isAutomated, createdAt, articleId, articleTitle, topScore, isUndone]: SummaryRow) {
    decisions++
    byAction[action]++
    if (isAutomated) automated++
    if (isUndone) undone++
    else standing[action]++
    if (action === 'remove' && clauseCode !== null) {
      const clause = byClause.get(clauseCode) ?? { code: clauseCode, title: clauseTitle ?? clauseCode, removals: 0 }
      clause.removals++
      byClause.set(clauseCode, clause)
    }
    const at = Date.parse(decidedAt)
    tallyModerator(byModerator, moderator, batchId, at, action === 'remove', isAutomated === 1)
    if (articleId !== null) {
      const article = byArticle.get(articleId) ?? { id: articleId, title: articleTitle, decisions: 0, removals: 0 }
      article.decisions++
      if (action === 'remove') article.removals++
      byArticle.set(articleId, article)
    }
    const dayKey = decidedAt.slice(0, 10)
    const dayCounts = byDay.get(dayKey) ?? noActions()
    dayCounts[action]++
    byDay.set(dayKey, dayCounts)
    const { day: shiftDay, shift } = shiftOf(decidedAt)
    const shiftKey = `${shiftDay} ${shift}`
    const shiftTally = byShift.get(shiftKey) ?? { day: shiftDay, shift, decisions: 0, removals: 0, moderators: new Set<string>() }
    shiftTally.decisions++
    if (action === 'remove') shiftTally.removals++
    shiftTally.moderators.add(moderator)
    byShift.set(shiftKey, shiftTally)
    const posted = createdAt === null ? NaN : Date.parse(createdAt)
    if (!Number.isNaN(posted)) waits.push(Math.max(0, (at - posted) / 1000))
    if (!isUndone && topScore !== null) {
      for (const band of agreement) {
        if (topScore < band.threshold) continue
        if (action === 'remove') band.removed++
        else if (action === 'disable') band.disabled++
        else band.approved++
      }
    }
  }

  waits.sort((a, b) => a - b)
  return {
    publisher: policy.publisher,
    filter,
    generatedAt: generatedAt.toISOString(),
    decisions,
    byAction,
    standing: { decisions: decisions - undone, byAction: standing },
    byClause: [...byClause.values()].sort((a, b) => b.removals - a.removals || a.code.localeCompare(b.code)),
    byModerator: [...byModerator.entries()]
      .map(([moderator, tally]) => {
        const activeHours = tally.activeMs / 3_600_000
        return {
          moderator,
          decisions: tally.decisions,
          actions: tally.actions,
          removals: tally.removals,
          automated: tally.automated,
          activeHours: round(activeHours, 2),
          perHour: activeHours > 0 ? round(tally.decisions / activeHours, 1) : 0
        }
      })
      .sort((a, b) => b.decisions - a.decisions || a.moderator.localeCompare(b.moderator)),
    byArticle: [...byArticle.values()].sort((a, b) => b.decisions - a.decisions || a.id.localeCompare(b.id)).slice(0, TOP_ARTICLES),
    byDay: [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([dayKey, counts]) => ({ day: dayKey, ...counts })),
    shifts,
    byShift: [...byShift.values()]
      .sort((a, b) => a.day.localeCompare(b.day) || startOf(shifts, a.shift).localeCompare(startOf(shifts, b.shift)))
      .map((tally) => ({ ...tally, moderators: [...tally.moderators].sort() })),
    timeToDecision: { measured: waits.length, medianSeconds: nearestRank(waits, 0.5), p90Seconds: nearestRank(waits, 0.9) },
    human: decisions - automated,
    automated,
    undone,
    undoRate: decisions ? round(undone / decisions, 4) : 0,
    scorerAgreement: agreement
  }
}

/**
 * Counts a decision for its moderator and, once per action (batch), the time it took: the gap since their
 * previous action when it is short, else a fresh stretch's first minute. A bulk action over a thousand
 * comments is one action and a thousand decisions, which is what decisions per hour should show.
 */
function tallyModerator(tallies: Map<string, ModeratorTally>, moderator: string, batchId: number, at: number, removal: boolean, automated: boolean) {
  let tally = tallies.get(moderator)
  if (!tally) {
    tally = { decisions: 0, removals: 0, automated: 0, lastBatch: -1, lastAt: -Infinity, activeMs: 0, actions: 0 }
    tallies.set(moderator, tally)
  }
  tally.decisions++
  if (removal) tally.removals++
  if (automated) tally.automated++
  if (batchId === tally.lastBatch) return
  const gap = at - tally.lastAt
  tally.activeMs += gap >= 0 && gap <= SESSION_GAP_MS ? gap : FIRST_ACTION_MS
  tally.lastBatch = batchId
  tally.lastAt = at
  tally.actions++
}

/** When a shift starts (HH:MM sorts as the day runs). */
function startOf(shifts: Shifts, name: string): string {
  return shifts.shifts.find((shift) => shift.name === name)?.start ?? ''
}

/** The nearest-rank percentile of sorted values (null when there are none). */
export function nearestRank(sorted: number[], fraction: number): number | null {
  if (!sorted.length) return null
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}
