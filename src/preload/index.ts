// The renderer's only door to the engine: window.sieve.call(name, input) over one IPC channel, and
// window.sieve.onEvent(listener) for the engine's events. Nothing else of Electron or Node is exposed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { EngineEvent } from '../shared/api'
import { EVENT_CHANNEL, IPC_CHANNEL } from '../shared/channels'
import type { SieveBridge } from './bridge'

const bridge: SieveBridge = {
  call: (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input),
  onEvent(listener) {
    // The listener hears the event alone, never the IPC event (which would hand the page the sender).
    const forward = (_event: IpcRendererEvent, payload: EngineEvent) => listener(payload)
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  }
}

contextBridge.exposeInMainWorld('sieve', bridge)
