// Long work (imports, pulls, scoring, re-checks, retraining) as jobs: each reports its progress as
// events, can be cancelled, and ends with a message; the caller that needs the result can wait for it.
import type { JobSnapshot } from '../../../shared/model'
import { UserError } from '../errors'
import { storageError } from '../database/storage-errors'

export interface JobContext {
  signal: AbortSignal
  progress(done: number, total: number): void
}

/** A started job: its first snapshot, and its result once it ends (rejected when it fails). */
export interface StartedJob<T> {
  snapshot: JobSnapshot
  result: Promise<T>
}

export interface Jobs {
  /** Starts work whose end is described by `describe` (what the UI shows when it is done). */
  start<T>(kind: string, run: (context: JobContext) => Promise<T>, describe: (result: T) => string): StartedJob<T>
  get(id: number): JobSnapshot
  cancel(id: number): JobSnapshot
  /** Cancels every running job (the engine is closing). */
  cancelAll(): void
}

/** Finished jobs are kept this long for a late reader. */
const KEEP_FINISHED = 100
/** Progress is told at most this often: a fast import would otherwise flood every window. */
const PROGRESS_EVERY_MS = 100

export function createJobs(onChange: (snapshot: JobSnapshot) => void = () => {}): Jobs {
  const jobs = new Map<number, { snapshot: JobSnapshot; controller: AbortController }>()
  let lastId = 0
  const find = (id: number) => {
    const job = jobs.get(id)
    if (!job) throw new UserError(`There is no job ${id}.`)
    return job
  }
  const forget = () => {
    for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_FINISHED))) {
      if (jobs.get(old)!.snapshot.state !== 'running') jobs.delete(old)
    }
  }
  return {
    start(kind, run, describe) {
      const id = ++lastId
      const controller = new AbortController()
      const job = { snapshot: { id, kind, state: 'running', done: 0, total: 0, message: null } as JobSnapshot, controller }
      jobs.set(id, job)
      const update = (patch: Partial<JobSnapshot>) => {
        job.snapshot = { ...job.snapshot, ...patch }
        onChange(job.snapshot)
      }
      let toldAt = 0
      const progress = (done: number, total: number) => {
        job.snapshot = { ...job.snapshot, done, total }
        const now = Date.now()
        if (now - toldAt >= PROGRESS_EVERY_MS || done >= total) {
          toldAt = now
          onChange(job.snapshot)
        }
      }
      onChange(job.snapshot)
      const result = run({ signal: controller.signal, progress })
      result
        .then((value) => update({ state: controller.signal.aborted ? 'cancelled' : 'done', message: describe(value) }))
        .catch((error: unknown) => update({ state: 'failed', message: failureMessage(kind, error) }))
        .finally(forget)
      return { snapshot: job.snapshot, result }
    },
    get: (id) => find(id).snapshot,
    cancel(id) {
      find(id).controller.abort()
      return find(id).snapshot
    },
    cancelAll() {
      for (const job of jobs.values()) if (job.snapshot.state === 'running') job.controller.abort()
    }
  }
}

/** What a failed job tells the person: our own errors in full, a storage failure plainly, a bug no more than that. */
function failureMessage(kind: string, error: unknown): string {
  if (error instanceof UserError) return error.message
  const storage = storageError(error)
  if (storage) return storage.message
  console.error(`[sieve] the ${kind} job failed:`, error)
  return `The ${kind} failed inside Sieve.`
}
