// The Electron entry: lifecycle, the window and its security settings, and the IPC wiring. The product
// itself is the engine, which never imports Electron.
import { existsSync } from 'node:fs'
import { dirname, join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session, shell } from 'electron'
import { startEngine, type Engine } from './engine/engine'
import { createFileSecretStore, type SecretCipher } from './engine/secrets/secret-store'
import { serveIpc } from './transport/ipc'
import { lockDown } from './lockdown'
import { openMainWindow } from './window'
import { electronPrinter } from './pdf/electron-printer'

const APP_ORIGIN = 'app://sieve'
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererDir = join(__dirname, '../renderer')
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(__dirname, '../../resources')
/** better-sqlite3 built for Electron's ABI, kept apart from the Node build the tests and CLI use. */
const electronNativeBinding = join(__dirname, '../../.electron-native/better_sqlite3.node')

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }])

function isTrustedUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || (devServerUrl !== undefined && url.startsWith(devServerUrl))
}

function serveRenderer(): void {
  const root = normalize(rendererDir + sep)
  protocol.handle('app', (request) => {
    const { pathname } = new URL(request.url)
    const file = normalize(join(root, pathname === '/' ? 'index.html' : decodeURIComponent(pathname)))
    if (!file.startsWith(root)) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
}

function createWindow(): BrowserWindow {
  return openMainWindow(BrowserWindow, join(__dirname, '../preload/index.js'), devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

/** Secrets encrypted by the OS keychain (Keychain, DPAPI, libsecret) before they reach the file. */
const keychainCipher: SecretCipher = {
  encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
  decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64'))
}

async function start(): Promise<Engine> {
  const dbPath = process.env.SIEVE_DB || join(app.getPath('userData'), 'sieve.db')
  return startEngine({
    dbPath,
    secrets: safeStorage.isEncryptionAvailable()
      ? createFileSecretStore(join(dirname(dbPath), 'secrets.keychain.json'), keychainCipher)
      : undefined,
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
  lockDown(app, session.defaultSession, shell, isTrustedUrl)
  serveRenderer()
  const engine = await start()
  serveIpc(ipcMain, engine, isTrustedUrl, () => BrowserWindow.getAllWindows().map((window) => window.webContents))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('window-all-closed', () => {
    void engine.close().finally(() => app.quit())
  })
})
