// `npm start`: build, then open the desktop app where Electron's binary is installed (fetching it on
// first start where the network allows), or else serve the same app in browser mode on the demo queue.
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureElectronSqlite, installedElectron, installElectron } from './electron.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

function runToExit(command, args) {
  spawn(command, args, { cwd: root, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0))
}

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

let electron = { binary: installedElectron(root) }
if (!electron.binary) {
  console.log('Fetching the Electron binary (first start only)...')
  electron = installElectron(root)
}
if (electron.binary && !ensureElectronSqlite(root)) electron = { reason: 'better-sqlite3 could not be built for Electron' }

if (electron.binary) {
  runToExit(electron.binary, ['.'])
} else {
  console.log(`${electron.reason}, so Sieve starts in browser mode.`)
  runToExit(bin('tsx'), [join(root, 'src/main/cli.ts'), 'serve', '--demo', ...process.argv.slice(2)])
}
