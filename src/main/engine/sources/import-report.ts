// What every importer reports (the contract declares its shape): how much landed, each rejected record
// with where it was and why, and each record that landed on an assumption with what was assumed.
import type { ImportReport } from '../../../shared/api'

export type { ImportNote, ImportReport, Rejection } from '../../../shared/api'

export function emptyReport(): ImportReport {
  return { added: 0, updated: 0, unchanged: 0, rejected: [], notes: [] }
}
