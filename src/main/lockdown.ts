// Deny by default: no navigation away from Sieve's own pages, no new windows (web links go to the person's
// browser, after an http(s) check), no webviews, no permissions. Electron's objects come in as arguments,
// so the rules are tested without Electron.
import type { App, Session, Shell } from 'electron'
import { isWebUrl } from '../shared/urls'

export function lockDown(app: Pick<App, 'on'>, session: Session, shell: Pick<Shell, 'openExternal'>, isTrustedUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (isWebUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}
