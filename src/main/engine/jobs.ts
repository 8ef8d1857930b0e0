// Long work (imports, later scoring and exports) as jobs: they report progress, can be cancelled, and
// the UI asks how they are doing instead of waiting on them.
import type { JobSnapshot } from '../../shared/model'
import { UserError } from './errors'
import { storageError } from './store/storage-errors'

export interface JobContext {
  signal: AbortSignal
  progress(done: number, total: number): void
}

/** Finished jobs are kept this long for the UI to read their result. */
const KEEP_FINISHED = 100

export interface Jobs {
  start(kind: string, run: (context: JobContext) => Promise<string>): JobSnapshot
  get(id: number): JobSnapshot
  cancel(id: number): JobSnapshot
}

export function createJobs(): Jobs {
  const jobs = new Map<number, { snapshot: JobSnapshot; controller: AbortController }>()
  let lastId = 0
  const find = (id: number) => {
    const job = jobs.get(id)
    if (!job) throw new UserError(`There is no job ${id}.`)
    return job
  }
  return {
    start(kind, run) {
      const id = ++lastId
      const controller = new AbortController()
      const job = { snapshot: { id, kind, state: 'running', done: 0, total: 0, message: null } as JobSnapshot, controller }
      jobs.set(id, job)
      const update = (patch: Partial<JobSnapshot>) => (job.snapshot = { ...job.snapshot, ...patch })
      run({ signal: controller.signal, progress: (done, total) => update({ done, total }) })
        .then((message) => update({ state: controller.signal.aborted ? 'cancelled' : 'done', message }))
        .catch((error: unknown) =>
          update({
            state: 'failed',
            message: error instanceof UserError ? error.message : (storageError(error)?.message ?? `The ${kind} failed inside Sieve.`)
          })
        )
        .finally(() => {
          for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_FINISHED))) {
            if (jobs.get(old)!.snapshot.state !== 'running') jobs.delete(old)
          }
        })
      return job.snapshot
    },
    get: (id) => find(id).snapshot,
    cancel(id) {
      find(id).controller.abort()
      return find(id).snapshot
    }
  }
}
