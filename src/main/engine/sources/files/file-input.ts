// A file opened for streaming: its text in chunks, its size, and how many bytes have been read so far
// (the one honest progress measure for a parser that does not know how many records are coming).
import type { ReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { UserError } from '../../errors'

export interface FileInput {
  /** The file as UTF-8 text, read in 64 KiB chunks; backpressure keeps only a few in memory. */
  readonly text: ReadStream
  readonly totalBytes: number
  bytesRead(): number
  close(): void
}

export async function openFileInput(path: string): Promise<FileInput> {
  const totalBytes = (await statFile(path)).size
  // Opened here, not lazily by the stream, so a file removed after a cancel is never opened late.
  const handle = await open(path, 'r')
  const text = handle.createReadStream({ encoding: 'utf8', highWaterMark: 64 * 1024 })
  return { text, totalBytes, bytesRead: () => text.bytesRead, close: () => text.destroy() }
}

/** The first `bytes` bytes of a file as text (a split multi-byte character at the end becomes U+FFFD). */
export async function readHead(path: string, bytes: number): Promise<string> {
  await statFile(path)
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}

async function statFile(path: string) {
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new UserError(`Not a file: ${path}`)
    return info
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`No such file: ${path}`)
    throw error
  }
}
