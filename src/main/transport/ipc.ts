// The API contract over Electron IPC: one channel, the sender's frame checked, the input validated.
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { Handlers } from '../../shared/api'
import { IPC_CHANNEL } from '../../shared/ipc-channel'
import { dispatch } from './dispatch'

/** `isTrustedUrl` says whether a frame at that URL is Sieve's own renderer. */
export function serveIpc(ipcMain: IpcMain, handlers: Handlers, isTrustedUrl: (url: string) => boolean): () => void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
      return { ok: false, error: 'Refused: the request did not come from Sieve’s own window.' }
    }
    return dispatch(handlers, name, input)
  })
  return () => ipcMain.removeHandler(IPC_CHANNEL)
}
