// The Electron entry: lifecycle, the window and its security settings, and the IPC wiring. The product
// itself is the engine, which never imports Electron.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session, shell } from 'electron'
import { startEngine, type Engine } from './engine/engine'
import { desktopSecretStore } from './secret-storage'
import { serveIpc } from './transport/ipc'
import { lockDown } from './lockdown'
import { openMainWindow } from './window'
import { APP_ORIGIN, isTrustedUrl, rendererFileFor } from './app-protocol'
import { electronPrinter } from './pdf/electron-printer'

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

async function start(): Promise<Engine> {
  const dbPath = process.env.SIEVE_DB || join(app.getPath('userData'), 'sieve.db')
  return startEngine({
    dbPath,
    // The OS keychain where there is one; on Linux without a keyring, the 0600 file (and the settings say so).
    secrets: desktopSecretStore(safeStorage, process.platform, dirname(dbPath)),
    resourcesDir,
    nativeBinding: existsSync(electronNativeBinding) ? electronNativeBinding : undefined,
    // Decisions reach their platforms in the background, after the grace period.
    autoSync: true,
    watchChanges: true,
    openAsApp: { demo: true },
    printToPdf: electronPrinter
  })
}

app.enableSandbox()
void app.whenReady().then(async () => {
  lockDown(app, session.defaultSession, shell, isSieveUrl)
  serveRenderer()
  const engine = await start()
  serveIpc(ipcMain, engine, isSieveUrl, () => BrowserWindow.getAllWindows().map((window) => window.webContents))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('window-all-closed', () => {
    void engine.close().finally(() => app.quit())
  })
})
