// A small tmpfs of its own for a test (a disk that fills up, or turns read-only), unmounted when the test
// ends. Mounting needs root; where it is not allowed the caller skips, saying so.
import { execFileSync } from 'node:child_process'
import { onTestFinished } from 'vitest'
import { tempDir } from './temp-dir'

export function mountTmpfs(sizeKb: number): string | null {
  const dir = tempDir()
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (error) {
    console.warn(`Skipping: cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]}); run the tests as root.`)
    return null
  }
  onTestFinished(() => void execFileSync('umount', ['-l', dir]))
  return dir
}

export function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir])
}
