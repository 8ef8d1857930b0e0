// Import a file of comments: upload it, then follow the import job with a progress bar and a cancel.
import { useRef, useState } from 'react'
import type { JobSnapshot } from '../../../shared/model'
import { client } from '../api'
import { Dialog } from '../Dialog'
import { followJob } from '../engine-events'
import { uploadFile } from './upload'

type Phase =
  | { kind: 'choose' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'importing'; job: JobSnapshot }
  | { kind: 'finished'; message: string }

const FORMATS = [
  ['', 'Guess from the file'],
  ['ndjson', 'NDJSON (Sieve interchange)'],
  ['csv', 'CSV'],
  ['wxr', 'WordPress export (WXR)'],
  ['disqus', 'Disqus export (XML)']
] as const

export function ImportDialog({ onClose }: { onClose(imported: boolean): void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' })
  const [file, setFile] = useState<File | null>(null)
  const [format, setFormat] = useState<(typeof FORMATS)[number][0]>('')
  const cancelled = useRef(false)
  const jobId = useRef<number | null>(null)

  const start = async () => {
    if (!file) return
    cancelled.current = false
    try {
      setPhase({ kind: 'uploading', sent: 0, total: file.size })
      const uploadId = await uploadFile(file, (sent) => setPhase({ kind: 'uploading', sent, total: file.size }), () => cancelled.current)
      if (!uploadId) return setPhase({ kind: 'finished', message: 'Cancelled before the import began: nothing was imported.' })
      const started = await client.call('importUpload', { uploadId, format: format || undefined })
      jobId.current = started.id
      const job = await followJob(started, (running) => running.state === 'running' && setPhase({ kind: 'importing', job: running }))
      setPhase({ kind: 'finished', message: job.message ?? job.state })
    } catch (error) {
      setPhase({ kind: 'finished', message: (error as Error).message })
    }
  }
  const cancel = () => {
    cancelled.current = true
    if (jobId.current !== null) void client.call('cancelJob', { jobId: jobId.current })
  }
  const busy = phase.kind === 'uploading' || phase.kind === 'importing'
  const [done, total, label] =
    phase.kind === 'uploading'
      ? [phase.sent, phase.total, 'Uploading']
      : phase.kind === 'importing'
        ? [phase.job.done, phase.job.total, 'Importing']
        : [0, 0, '']

  return (
    <Dialog title="Import comments" className="import" onClose={busy ? undefined : () => onClose(phase.kind === 'finished')}>
      {phase.kind === 'choose' && (
        <>
          <label>
            File <input type="file" accept=".ndjson,.jsonl,.json,.csv,.tsv,.xml,.wxr" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          </label>
          <label>
            Format{' '}
            <select value={format} onChange={(event) => setFormat(event.target.value as typeof format)}>
              {FORMATS.map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {busy && (
        <div className="progress">
          <progress value={done} max={total || 1} aria-label={`${label} progress`} />
          <span>
            {label} {total ? Math.floor((done / total) * 100) : 0}%
          </span>
        </div>
      )}
      {phase.kind === 'finished' && <pre className="import-result">{phase.message}</pre>}
      <div className="buttons">
        {phase.kind === 'choose' && <button onClick={() => onClose(false)}>Close</button>}
        {phase.kind === 'choose' && (
          <button className="primary" disabled={!file} onClick={() => void start()}>
            Import
          </button>
        )}
        {busy && <button onClick={cancel}>Cancel</button>}
        {phase.kind === 'finished' && (
          <button className="primary" onClick={() => onClose(true)}>
            Done
          </button>
        )}
      </div>
    </Dialog>
  )
}
