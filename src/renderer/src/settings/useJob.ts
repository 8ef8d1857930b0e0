// Follows an engine job to its end: its progress while it runs, its message when it is done.
import { useCallback, useState } from 'react'
import type { JobSnapshot } from '../../../shared/model'
import { followJob } from '../engine-events'

export function useJob() {
  const [job, setJob] = useState<JobSnapshot | null>(null)
  const follow = useCallback(async (started: Promise<JobSnapshot>) => followJob(await started, setJob), [])
  return { job, follow }
}
