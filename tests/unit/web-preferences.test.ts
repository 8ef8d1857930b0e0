import { describe, expect, it } from 'vitest'
import { secureWebPreferences } from '../../src/main/web-preferences'

describe('the desktop window', () => {
  it('runs the renderer sandboxed and isolated, with no Node and web security on', () => {
    expect(secureWebPreferences('/preload.js')).toMatchObject({
      preload: '/preload.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })
})
