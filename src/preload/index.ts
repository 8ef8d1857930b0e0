// The renderer's only door to the engine: window.sieve.call(name, input), over one IPC channel.
// Nothing else of Electron or Node is exposed.
import { contextBridge, ipcRenderer } from 'electron'
import { IPC_CHANNEL } from '../shared/ipc-channel'
import type { SieveBridge } from './bridge'

const bridge: SieveBridge = {
  call: (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input)
}

contextBridge.exposeInMainWorld('sieve', bridge)
