// What every importer reports: how much landed, and each rejected record with where it was and why.
export interface Rejection {
  line: number
  reason: string
}

export interface ImportReport {
  added: number
  updated: number
  unchanged: number
  rejected: Rejection[]
}

export function emptyReport(): ImportReport {
  return { added: 0, updated: 0, unchanged: 0, rejected: [] }
}
