// Follows an engine job to its end: its progress while it runs, its message when it is done.
import { useCallback, useState } from 'react'
import type { JobSnapshot } from '../../../shared/model'
import { client } from '../api'

const POLL_MS = 300

export function useJob() {
  const [job, setJob] = useState<JobSnapshot | null>(null)
  const follow = useCallback(async (started: Promise<JobSnapshot>) => {
    let current = await started
    setJob(current)
    while (current.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      current = await client.call('job', { jobId: current.id })
      setJob(current)
    }
    return current
  }, [])
  return { job, follow }
}
