// Files the UI hands the engine, a chunk at a time (the same way over IPC and HTTP), into a private
// temporary folder that is removed when the engine closes. Bounded: each file has a size cap, a few may
// be open at once, and one nobody has added to for a while (a closed tab) is removed.
import { randomUUID } from 'node:crypto'
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from './errors'

export interface UploadLimits {
  /** The largest file (default 2 GiB). */
  maxBytes: number
  /** How many uploads may be unfinished at once (default 4). */
  maxOpen: number
  /** An upload nobody has added a chunk to for this long is abandoned and removed (default 30 minutes). */
  idleMs: number
  /** Milliseconds since the epoch (tests move it). */
  clock: () => number
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: 2 * 1024 ** 3, maxOpen: 4, idleMs: 30 * 60_000, clock: Date.now }

export interface Uploads {
  begin(name: string): string
  append(id: string, base64: string): number
  /** The finished file, handed over: no more chunks, never expired; `remove` it when done. */
  claim(id: string): string
  remove(id: string): void
  /** Removes abandoned uploads (also done on every call and once a minute). */
  sweep(): void
  close(): void
}

interface Upload {
  file: string
  bytes: number
  touched: number
  claimed: boolean
}

export function createUploads(limits: Partial<UploadLimits> = {}): Uploads {
  const { maxBytes, maxOpen, idleMs, clock } = { ...DEFAULT_UPLOAD_LIMITS, ...limits }
  let dir: string | null = null
  const uploads = new Map<string, Upload>()
  const forget = (id: string) => {
    const upload = uploads.get(id)
    if (upload) rmSync(upload.file, { force: true })
    uploads.delete(id)
  }
  const sweep = () => {
    const now = clock()
    for (const [id, upload] of uploads) if (!upload.claimed && now - upload.touched > idleMs) forget(id)
  }
  const open = (id: string): Upload => {
    sweep()
    const upload = uploads.get(id)
    if (!upload || upload.claimed) throw new UserError('That upload is unknown, finished, or was abandoned (nothing was added to it for a while); send the file again.')
    return upload
  }
  const timer = setInterval(sweep, 60_000)
  timer.unref()
  return {
    begin(name) {
      sweep()
      if ([...uploads.values()].filter((upload) => !upload.claimed).length >= maxOpen) {
        throw new UserError(`${maxOpen} uploads are already under way; wait for one to finish.`)
      }
      dir ??= mkdtempSync(join(tmpdir(), 'sieve-uploads-'))
      const id = randomUUID()
      // The name only keeps its extension (format detection reads it); it never becomes a path.
      const extension = /\.[a-z0-9]{1,8}$/i.exec(name)?.[0] ?? ''
      const file = join(dir, `${id}${extension.toLowerCase()}`)
      writeFileSync(file, '', { mode: 0o600 })
      uploads.set(id, { file, bytes: 0, touched: clock(), claimed: false })
      return id
    },
    append(id, base64) {
      const upload = open(id)
      const chunk = Buffer.from(base64, 'base64')
      if (upload.bytes + chunk.length > maxBytes) {
        forget(id)
        throw new UserError(`The file is larger than ${describeBytes(maxBytes)} (the upload cap); nothing of it was kept.`)
      }
      appendFileSync(upload.file, chunk)
      upload.bytes += chunk.length
      upload.touched = clock()
      return upload.bytes
    },
    claim(id) {
      const upload = open(id)
      upload.claimed = true
      return upload.file
    },
    remove: forget,
    sweep,
    close() {
      clearInterval(timer)
      uploads.clear()
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** 2147483648 → "2 GiB", 1048576 → "1 MiB", 1000 → "1,000 bytes". */
function describeBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`
  }
  return `${bytes.toLocaleString('en-US')} bytes`
}
