// Native folder and save dialogs, parented to the main window.
import { dialog, type BrowserWindow } from 'electron';

export function createDialogs(getWindow: () => BrowserWindow | null) {
  return {
    async chooseFolder(title?: string): Promise<string | null> {
      const win = getWindow();
      const options = { title, properties: ['openDirectory', 'createDirectory'] as const };
      const r = win
        ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName: string): Promise<string | null> {
      const win = getWindow();
      const r = win
        ? await dialog.showSaveDialog(win, { defaultPath: suggestedName })
        : await dialog.showSaveDialog({ defaultPath: suggestedName });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
