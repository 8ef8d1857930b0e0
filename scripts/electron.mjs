// What the desktop app needs beyond `npm install`, where the network allows: Electron's binary (npm is
// told not to run its download script, so an offline install still succeeds) and better-sqlite3 built
// for Electron's ABI.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The Electron binary's path, or null when it is not installed. Never downloads (unlike require('electron')). */
export function installedElectron(root) {
  const dir = join(root, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** Fetches Electron's binary (its own install script); returns the binary, or the reason it failed. */
export function installElectron(root) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000
  })
  const binary = installedElectron(root)
  if (binary) return { binary }
  // The first error line says why (e.g. "TypeError: fetch failed"); the stack under it does not.
  const lines = `${result.stderr ?? ''}${result.stdout ?? ''}${result.error ?? ''}`.split('\n')
  const detail = lines.find((line) => /error/i.test(line) && !/^\s*at /.test(line))?.trim()
  return { reason: `Electron's binary could not be downloaded here (${detail || 'no network'})` }
}

/**
 * better-sqlite3 is a native addon built for one ABI. The installed copy is built for Node (tests, CLI,
 * browser mode); the desktop app gets its own copy built for Electron in .electron-native/, so neither
 * breaks the other. The main process passes it to better-sqlite3 as `nativeBinding`.
 */
export function ensureElectronSqlite(root) {
  const target = join(root, '.electron-native', 'better_sqlite3.node')
  if (existsSync(target)) return true
  const require = createRequire(join(root, 'package.json'))
  const electronVersion = require('electron/package.json').version
  const work = mkdtempSync(join(tmpdir(), 'sieve-electron-sqlite-'))
  try {
    cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true })
    rmSync(join(work, 'build'), { recursive: true, force: true })
    console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)...`)
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
    const built = spawnSync(
      npx,
      ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: work, stdio: 'inherit' }
    )
    const addon = join(work, 'build', 'Release', 'better_sqlite3.node')
    if (built.status !== 0 || !existsSync(addon)) return false
    mkdirSync(join(root, '.electron-native'), { recursive: true })
    copyFileSync(addon, target)
    return true
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
