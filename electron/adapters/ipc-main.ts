// ipcMain as a ServerTransport for registerHandlers (electron/ipc.ts).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { SenderInfo, ServerTransport } from '../ipc';

export function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    webContentsId: event.sender.id,
  };
}

export const ipcMainTransport: ServerTransport = {
  handle: (wire, listener) =>
    ipcMain.handle(wire, (event, args) => listener(senderOf(event), args)),
  removeHandler: (wire) => ipcMain.removeHandler(wire),
};
