// Keeps the Teach Sieve order after each scoring run: the pending comments the model is least sure
// about first, near-duplicates of those moved behind them all (learning/teach-order.ts).
import type { Db } from '../database/database'
import { decisionBoundary, teachSplit } from './learning/teach-order'
import { decidedToxicity, mostUncertain, saveTeachRanks } from './store/teaching'

/**
 * Only the most uncertain are compared for near-duplicates: the first pages are what a moderator reads,
 * and comparing a million comments after every import would cost more than it teaches.
 */
const COMPARED = 5000
/** The newsroom's line is read from its latest decisions. */
const BOUNDARY_FROM = 5000

export function rankForTeaching(db: Db): void {
  const { nearDuplicates } = teachSplit(mostUncertain(db, COMPARED))
  saveTeachRanks(db, nearDuplicates.map((candidate) => candidate.id))
}

/** Where this newsroom's decisions put the line between approve and remove on TOXICITY (0.5 until they say). */
export function newsroomBoundary(db: Db): number {
  return decisionBoundary(decidedToxicity(db, BOUNDARY_FROM))
}
