// The engine's events in React: a hook that hears one kind of event for as long as a component is on
// screen, and a way to follow a job to its end (progress as it goes) without asking how it is doing.
import { useEffect, useRef } from 'react'
import type { EngineEvent, EventName } from '../../shared/api'
import type { JobSnapshot } from '../../shared/model'
import { client, subscribe } from './api'

type Payload<N extends EventName> = Extract<EngineEvent, { name: N }>['payload']

/** Calls `handle` for each event named `name`; `onReconnect` when the stream came back after a break. */
export function useEngineEvent<N extends EventName>(name: N, handle: (payload: Payload<N>) => void, onReconnect?: () => void): void {
  const latest = useRef({ handle, onReconnect })
  latest.current = { handle, onReconnect }
  useEffect(
    () =>
      subscribe(
        (event) => {
          if (event.name === name) latest.current.handle(event.payload as Payload<N>)
        },
        () => latest.current.onReconnect?.()
      ),
    [name]
  )
}

/** Follows a job the engine started until it ends, telling each change; resolves with its last snapshot. */
export function followJob(started: JobSnapshot, onChange: (job: JobSnapshot) => void = () => {}): Promise<JobSnapshot> {
  return new Promise((resolve) => {
    let settled = false
    const take = (job: JobSnapshot) => {
      if (settled || job.id !== started.id) return
      onChange(job)
      if (job.state !== 'running') {
        settled = true
        stop()
        resolve(job)
      }
    }
    const stop = subscribe((event) => {
      if (event.name === 'jobChanged') take(event.payload)
    })
    take(started)
    // A job that ended before we were listening told no one: one look settles it.
    if (!settled) void client.call('job', { jobId: started.id }).then(take, () => undefined)
  })
}
