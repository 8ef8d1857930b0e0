// The jobs slice of the contract: long work (imports, pulls, scoring, re-checks, retraining) reports
// its progress as events and can be cancelled.
import { z } from 'zod'
import type { JobSnapshot } from '../model'
import { command, event } from './contract'

const jobId = z.object({ jobId: z.number().int().positive() }).strict()

export const jobsCalls = {
  /** A job as it stands (its events say the same as it changes). */
  job: command<JobSnapshot>()(jobId),
  cancelJob: command<JobSnapshot>()(jobId)
}

export const jobsEvents = {
  /** A job started, made progress, or ended (done, failed or cancelled, with its message). */
  jobChanged: event<JobSnapshot>()
}
