// This session's decisions that still stand, for the pace: the engine's undo stack as seen from this
// window. Each decision pushes what it changed; an undo takes back the latest of them, a redo makes it
// again. Undoing a decision made before this session leaves the tally alone.

export interface PaceTally {
  /** What each decision of this session changed, oldest first, as long as it is not undone. */
  made: readonly number[]
  /** What each undo of this session took back, latest last: the redo stack. */
  undone: readonly number[]
  /** Decisions an undo could not take back (someone decided on those comments since): they stand. */
  kept: number
}

export const NO_DECISIONS: PaceTally = { made: [], undone: [], kept: 0 }

export function afterDecision(tally: PaceTally, changed: number): PaceTally {
  return changed > 0 ? { ...tally, made: [...tally.made, changed], undone: [] } : tally
}

export function afterUndo(tally: PaceTally, putBack: number): PaceTally {
  const latest = tally.made.at(-1)
  if (latest === undefined) return tally
  return { made: tally.made.slice(0, -1), undone: [...tally.undone, putBack], kept: tally.kept + Math.max(0, latest - putBack) }
}

export function afterRedo(tally: PaceTally, madeAgain: number): PaceTally {
  if (!tally.undone.length) return tally
  return { ...tally, made: [...tally.made, madeAgain], undone: tally.undone.slice(0, -1) }
}

export function standing(tally: PaceTally): number {
  return tally.made.reduce((sum, n) => sum + n, tally.kept)
}
