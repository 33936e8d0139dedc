// Exposes exactly the host contract as window.host, and nothing else: never ipcRenderer.
// Sandboxed preloads must be CommonJS: electron-vite emits out/preload/index.cjs.
// Failures are thrown as HostErrors whose message survives contextBridge; the renderer's
// Electron host revives them with wrapBridgedHost (electron/contract-client.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { wireName, type HostApi } from './contract';
import { createHostClient } from './contract-client';

const api = createHostClient((channel, args) => ipcRenderer.invoke(wireName(channel), args), {
  bridged: true,
}) satisfies HostApi;

contextBridge.exposeInMainWorld('host', api);
