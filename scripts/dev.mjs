// `npm run dev`: the desktop app under electron-vite's dev server, the renderer hot-reloading as you edit
// and the main process restarting. It needs what `npm start` fetches on first start (Electron's binary,
// better-sqlite3 built for Electron); where those cannot be had, it says why and exits.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectronSqlite, installedElectron, installElectron } from './electron.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

const electron = installedElectron(root) ? { binary: installedElectron(root) } : installElectron(root)
if (!electron.binary) {
  console.error(`${electron.reason}: no hot reload here. \`npm start\` serves the app in browser mode instead.`)
  process.exit(1)
}
if (!ensureElectronSqlite(root)) {
  console.error('better-sqlite3 could not be built for Electron: no hot reload here.')
  process.exit(1)
}
spawn(join(root, 'node_modules', '.bin', 'electron-vite'), ['dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }).on('exit', (code) =>
  process.exit(code ?? 0)
)
