// Electron's security checklist, tested without Electron (its binary cannot be installed here): the window
// options, the navigation / window-open / permission rules and the IPC sender check run against stand-ins
// for Electron's objects (named *Stub below) that record what the code asked of them.
import { EventEmitter } from 'node:events'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { App, IpcMain, Session } from 'electron'
import { describe, expect, it } from 'vitest'
import { isTrustedUrl, rendererFileFor } from '../../src/main/app-protocol'
import { lockDown } from '../../src/main/lockdown'
import { serveIpc } from '../../src/main/transport/ipc'
import { openMainWindow, type WindowClass } from '../../src/main/window'
import { tempDir } from '../support/temp-dir'

describe('the desktop window', () => {
  it('runs the renderer sandboxed and isolated, with no Node, web security on and no middle-click windows', () => {
    const made: unknown[] = []
    class BrowserWindowStub {
      constructor(options: unknown) {
        made.push(options)
      }
      once() {}
      loadURL() {
        return Promise.resolve()
      }
    }
    openMainWindow(BrowserWindowStub as unknown as WindowClass, '/preload.js', 'app://sieve/index.html')
    expect(made[0]).toMatchObject({
      show: false,
      webPreferences: {
        preload: '/preload.js',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick'
      }
    })
  })
})

function lockedDown() {
  const app = new EventEmitter()
  const handlers: { request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void; check?: () => boolean } = {}
  const sessionStub = {
    setPermissionRequestHandler: (handler: typeof handlers.request) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: typeof handlers.check) => (handlers.check = handler)
  }
  const opened: string[] = []
  const shellStub = { openExternal: async (url: string) => void opened.push(url) }
  lockDown(app as unknown as App, sessionStub as unknown as Session, shellStub, (url) => isTrustedUrl(url))
  const contents = Object.assign(new EventEmitter(), {
    openHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler
    }
  })
  app.emit('web-contents-created', {}, contents)
  return { contents, opened, handlers }
}

function navigate(contents: EventEmitter, url: string): boolean {
  let prevented = false
  contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url)
  return !prevented
}

describe('the lockdown', () => {
  it('refuses navigation away from Sieve’s own pages', () => {
    const { contents } = lockedDown()
    expect(navigate(contents, 'app://sieve/index.html')).toBe(true)
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://sieve.evil/']) {
      expect(navigate(contents, url), url).toBe(false)
    }
  })

  it('opens no window; web links go to the person’s browser, anything else nowhere', () => {
    const { contents, opened } = lockedDown()
    for (const url of ['https://news.example/story', 'javascript:alert(1)', 'data:text/html,<script>x</script>', 'file:///etc/passwd']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' })
    }
    expect(opened).toEqual(['https://news.example/story'])
  })

  it('denies every permission and every webview', () => {
    const { contents, handlers } = lockedDown()
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) handlers.request!({}, permission, (granted) => answers.push(granted))
    expect(answers).toEqual([false, false, false, false])
    expect(handlers.check!()).toBe(false)
    let prevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })
})

describe('IPC', () => {
  it('answers only Sieve’s own top-level frame', async () => {
    let handle: ((event: unknown, name: unknown, input: unknown) => unknown) | undefined
    const ipcMainStub = { handle: (_channel: string, handler: typeof handle) => (handle = handler), removeHandler: () => {} }
    const engine = {
      dispatch: async (name: unknown, _input: unknown, caller: unknown) => ({ ok: true as const, value: { moderator: 'alice', name, caller } }),
      subscribe: () => () => {}
    }
    serveIpc(ipcMainStub as unknown as IpcMain, engine, (url) => isTrustedUrl(url), () => [])
    const from = (url: string, parent: unknown = null) => handle!({ senderFrame: { url, parent } }, 'session', {})

    expect(await from('app://sieve/index.html')).toMatchObject({ ok: true, value: { moderator: 'alice', caller: 'window' } })
    expect(await from('https://evil.example/')).toMatchObject({ ok: false, error: expect.stringMatching(/Refused/) })
    expect(await from('app://sieve/index.html', { url: 'app://sieve/index.html' })).toMatchObject({ ok: false })
    expect(await handle!({ senderFrame: null }, 'session', {})).toMatchObject({ ok: false })
  })
})

describe("Sieve's own pages (the rules index.ts gives the lockdown, IPC and the app:// scheme)", () => {
  it('trusts app://sieve/ and the dev server, and nothing that merely starts like them', () => {
    for (const url of ['app://sieve/index.html', 'app://sieve/assets/app.js?x=1#y']) expect(isTrustedUrl(url), url).toBe(true)
    const refused = ['app://sieve.evil/', 'app://evil/', 'app://sieve@evil/', 'app://user:pw@sieve/', 'https://sieve/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'app://SIEVE/']
    for (const url of refused) expect(isTrustedUrl(url), url).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true)
    expect(isTrustedUrl('http://localhost:51730/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedUrl('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/')).toBe(false)
  })

  it('serves app:// requests from the renderer folder only, however the path is encoded', () => {
    const dir = tempDir()
    const renderer = join(dir, 'renderer')
    mkdirSync(join(renderer, 'assets'), { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<title>Sieve</title>')
    writeFileSync(join(dir, 'secret.txt'), 'outside')
    expect(readFileSync(rendererFileFor(renderer, 'app://sieve/')!, 'utf8')).toBe('<title>Sieve</title>')
    expect(rendererFileFor(renderer, 'app://sieve/assets/app.js')).toBe(join(renderer, 'assets', 'app.js'))
    for (const url of ['app://sieve/..%2fsecret.txt', 'app://sieve/..%5csecret.txt', 'app://sieve/assets/..%2f..%2fsecret.txt', 'app://sieve/%2e%2e%2fsecret.txt', 'app://evil/index.html']) {
      expect(rendererFileFor(renderer, url), url).toBeNull()
    }
  })
})
