// Files the UI hands the engine, a chunk at a time (the same way over IPC and HTTP), into a private
// temporary folder that is removed when the engine closes.
import { randomUUID } from 'node:crypto'
import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from './errors'

export interface Uploads {
  begin(name: string): string
  append(id: string, base64: string): number
  path(id: string): string
  remove(id: string): void
  close(): void
}

export function createUploads(): Uploads {
  let dir: string | null = null
  const files = new Map<string, string>()
  const path = (id: string) => {
    const file = files.get(id)
    if (!file) throw new UserError('That upload is unknown or finished.')
    return file
  }
  return {
    begin(name) {
      dir ??= mkdtempSync(join(tmpdir(), 'sieve-uploads-'))
      const id = randomUUID()
      // The name only keeps its extension (format detection reads it); it never becomes a path.
      const extension = /\.[a-z0-9]{1,8}$/i.exec(name)?.[0] ?? ''
      const file = join(dir, `${id}${extension.toLowerCase()}`)
      writeFileSync(file, '', { mode: 0o600 })
      files.set(id, file)
      return id
    },
    append(id, base64) {
      appendFileSync(path(id), Buffer.from(base64, 'base64'))
      return statSync(path(id)).size
    },
    path,
    remove(id) {
      const file = files.get(id)
      if (file) rmSync(file, { force: true })
      files.delete(id)
    },
    close() {
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
  }
}
