// The desktop window, held to Electron's security checklist: sandboxed, isolated, no Node, web security
// on. The options are written out where the window is made, so a reader (and electronegativity) sees them.
import type { BrowserWindow as Window, BrowserWindowConstructorOptions } from 'electron'

/** Electron's BrowserWindow class (passed in so this module loads, and is tested, without Electron). */
export type WindowClass = new (options: BrowserWindowConstructorOptions) => Window

export function openMainWindow(BrowserWindow: WindowClass, preload: string, url: string): Window {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Sieve',
    show: false,
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would open links in new windows behind the window-open handler's back.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(url)
  return window
}
