// Files that hold commenters' personal data (names, e-mail and IP addresses) or secrets: the database with
// its -wal and -shm, backups, exports, reports, the secret store. Only their owner may read them, whatever
// the umask: files are created 0600 (an existing one Sieve writes is tightened to it), folders Sieve
// makes are 0700.
import { chmodSync, closeSync, createWriteStream, fchmodSync, mkdirSync, openSync, writeFileSync, type WriteStream } from 'node:fs'

export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_DIR_MODE = 0o700

/** Makes a folder, and any parents missing, that only its owner may enter; an existing folder is left as it is. */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE })
}

/** Why a file cannot be tightened without that being Sieve's problem: not there, not ours, a read-only disk. */
const NOT_OURS_TO_CHANGE = new Set(['ENOENT', 'EPERM', 'EACCES', 'EROFS'])

/** Tightens a file to 0600, where it is ours to change. */
export function makePrivate(path: string): void {
  try {
    chmodSync(path, PRIVATE_FILE_MODE)
  } catch (error) {
    if (!NOT_OURS_TO_CHANGE.has((error as NodeJS.ErrnoException).code ?? '')) throw error
  }
}

/**
 * Creates an empty 0600 file unless one is there, for SQLite to write into (it keeps the mode, and gives
 * it to -wal and -shm). Where the file cannot be made (a read-only disk), SQLite says so in its own words.
 */
export function ensurePrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE))
  } catch {
    // There already, or SQLite reports why not.
  }
}

export function writePrivateFile(path: string, content: string | Uint8Array): void {
  writeFileSync(path, content, { mode: PRIVATE_FILE_MODE })
  makePrivate(path)
}

export function privateWriteStream(path: string): WriteStream {
  const stream = createWriteStream(path, { mode: PRIVATE_FILE_MODE })
  stream.once('open', (fd: number) => fchmodSync(fd, PRIVATE_FILE_MODE))
  return stream
}
