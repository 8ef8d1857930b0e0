// Jobs: long work's progress (as events, and on request) and its cancellation.
import { jobsCalls } from '../../../shared/api/jobs'
import { slice } from '../slice'

export const jobsSlice = slice('jobs', jobsCalls, {
  queries: () => ({}),
  commands: ({ jobs }) => ({
    job: ({ jobId }) => jobs.get(jobId),
    cancelJob: ({ jobId }) => jobs.cancel(jobId)
  })
})
