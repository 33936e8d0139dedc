import { app, dialog, Menu, type BrowserWindow } from 'electron';
import type { Language } from '../contract';
import { menuTemplate } from '../policy/menu-template';

export function installMenu(language: Language, getWindow: () => BrowserWindow | null): void {
  const template = menuTemplate(language, {
    dev: !app.isPackaged,
    onAbout: () => {
      const win = getWindow();
      const options = {
        type: 'info' as const,
        title: language === 'en' ? 'About OneWindow' : '关于一窗通',
        message: `一窗通 OneWindow ${app.getVersion()}`,
      };
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
