// The contract over Electron IPC: one channel for calls (the sender's frame checked, the call made as a
// window's), one for events to every window.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { EVENT_CHANNEL, IPC_CHANNEL } from '../../shared/channels'
import type { Engine } from '../engine/door'

/** `isTrustedUrl` says whether a frame at that URL is Sieve's own renderer. */
export function serveIpc(
  ipcMain: IpcMain,
  engine: Pick<Engine, 'dispatch' | 'subscribe'>,
  isTrustedUrl: (url: string) => boolean,
  windows: () => WebContents[]
): () => void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
      return { ok: false, error: 'Refused: the request did not come from Sieve’s own window.' }
    }
    return engine.dispatch(name, input, 'window')
  })
  const unsubscribe = engine.subscribe((event) => {
    for (const contents of windows()) if (!contents.isDestroyed() && isTrustedUrl(contents.getURL())) contents.send(EVENT_CHANNEL, event)
  })
  return () => {
    unsubscribe()
    ipcMain.removeHandler(IPC_CHANNEL)
  }
}
