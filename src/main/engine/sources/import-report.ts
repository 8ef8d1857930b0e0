// What every importer reports: how much landed, each rejected record with where it was and why, and each
// record that landed on an assumption (a missing status read as pending) with what was assumed.
export interface Rejection {
  line: number
  reason: string
}

/** A record that landed, but not quite as the file said: what Sieve assumed, and why. */
export interface ImportNote {
  line: number
  note: string
}

export interface ImportReport {
  added: number
  updated: number
  unchanged: number
  rejected: Rejection[]
  notes: ImportNote[]
}

export function emptyReport(): ImportReport {
  return { added: 0, updated: 0, unchanged: 0, rejected: [], notes: [] }
}
