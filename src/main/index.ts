// The Electron entry: lifecycle, the window and its security settings, and the IPC wiring. The product
// itself is the engine, which never imports Electron: it runs in a utility process of its own
// (engine-host.ts), and this process only relays between the windows and it.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, MessageChannelMain, net, protocol, safeStorage, session, shell, utilityProcess } from 'electron'
import type { Engine } from './engine/door'
import type { EngineHostOptions } from './engine-host'
import { ownStoreLocation, storeLocation, type StoreLocation } from './paths'
import { startSwitchingEngine } from './store-switch'
import { desktopSecretPlan } from './secret-storage'
import { engineOverPort } from './transport/engine-port'
import { serveIpc } from './transport/ipc'
import { lockDown } from './lockdown'
import { openMainWindow } from './window'
import { APP_ORIGIN, isTrustedUrl, rendererFileFor } from './app-protocol'
import { electronPrinter } from './pdf/electron-printer'
import { makePrivateDir } from './engine/private-files'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererDir = join(__dirname, '../renderer')
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(__dirname, '../../resources')
/** better-sqlite3 built for Electron's ABI, kept apart from the Node build the tests and CLI use. */
const electronNativeBinding = join(__dirname, '../../.electron-native/better_sqlite3.node')

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }])

const isSieveUrl = (url: string) => isTrustedUrl(url, devServerUrl)

function serveRenderer(): void {
  protocol.handle('app', (request) => {
    const file = rendererFileFor(rendererDir, request.url)
    if (file === null) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
}

function createWindow(): BrowserWindow {
  return openMainWindow(BrowserWindow, join(__dirname, '../preload/index.js'), devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

/** Forks the engine's process on a store and connects to it over a private port. */
function startOn({ secretsDir, ...location }: StoreLocation, storeProblem?: string): Promise<Engine> {
  makePrivateDir(dirname(location.dbPath))
  const options: EngineHostOptions = {
    ...location,
    storeProblem,
    // The OS keychain keeps the key that seals secrets (here: safeStorage works only in this process);
    // on Linux without a keyring, a 0600 file, and the settings say so.
    secretsPlan: desktopSecretPlan(safeStorage, process.platform, secretsDir),
    resourcesDir,
    nativeBinding: existsSync(electronNativeBinding) ? electronNativeBinding : undefined,
    // Decisions reach their platforms in the background, after the grace period.
    autoSync: true,
    // The local model learns from every N decisions in the background (a setting on the Scoring screen).
    autoLearn: true,
    openAsApp: { demo: true }
  }
  const host = utilityProcess.fork(join(__dirname, 'engine-host.js'), [], { serviceName: 'Sieve engine', stdio: 'inherit' })
  const { port1, port2 } = new MessageChannelMain()
  host.postMessage(options, [port2])
  port1.start()
  const port = {
    post: (message: unknown) => port1.postMessage(message),
    listen: (handle: (message: never) => void) => port1.on('message', (event) => handle(event.data as never)),
    close: () => port1.close()
  }
  // A store that cannot be opened leaves no engine process behind.
  return engineOverPort(port, electronPrinter).catch((error: unknown) => {
    host.kill()
    throw error
  })
}

app.enableSandbox()
void app.whenReady().then(async () => {
  lockDown(app, session.defaultSession, shell, isSieveUrl)
  serveRenderer()
  // SIEVE_DB: another SQLite file, or a team's postgres:// address; without it, the store chosen in the
  // app, read again whenever connecting to a team database (or leaving it) reopens the engine.
  const dataDir = app.getPath('userData')
  const chosen = () => storeLocation(process.env.SIEVE_DB || undefined, dataDir)
  const engine = await startSwitchingEngine({
    start: () => startOn(chosen()),
    startOwn: (problem) => (chosen().storeChoice ? startOn(ownStoreLocation(dataDir), problem) : null)
  })
  serveIpc(ipcMain, engine, isSieveUrl, () => BrowserWindow.getAllWindows().map((window) => window.webContents))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('window-all-closed', () => {
    void engine.close().finally(() => app.quit())
  })
})
