import type { Client } from '../../src/shared/api'
import type { JobSnapshot } from '../../src/shared/model'

/** Polls a job until it stops running. */
export async function finished(client: Client, job: JobSnapshot): Promise<JobSnapshot> {
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 10))
    job = await client.call('job', { jobId: job.id })
  }
  return job
}
