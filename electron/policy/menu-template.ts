// The application menu: Chinese by default, English when settings.language is 'en'.
// Built from roles, so Electron supplies the behaviour and the platform shortcuts.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../contract';

const LABELS = {
  'zh-CN': {
    file: '文件',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    help: '帮助',
    quit: '退出',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    reload: '重新加载',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    fullscreen: '全屏',
    devTools: '开发者工具',
    minimize: '最小化',
    close: '关闭窗口',
    about: '关于一窗通',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    quit: 'Quit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullscreen: 'Toggle Full Screen',
    devTools: 'Developer Tools',
    minimize: 'Minimize',
    close: 'Close Window',
    about: 'About OneWindow',
  },
} as const;

export function menuLabels(language: Language) {
  return LABELS[language];
}

export function menuTemplate(
  language: Language,
  opts: { dev: boolean; onAbout: () => void },
): MenuItemConstructorOptions[] {
  const l = LABELS[language];
  return [
    { label: l.file, submenu: [{ role: 'quit', label: l.quit }] },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        { role: 'resetZoom', label: l.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l.fullscreen },
        // Reload and dev tools only while developing: a reload at the counter loses a form.
        ...(opts.dev
          ? ([
              { type: 'separator' },
              { role: 'reload', label: l.reload },
              { role: 'toggleDevTools', label: l.devTools },
            ] as MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: l.window,
      submenu: [
        { role: 'minimize', label: l.minimize },
        { role: 'close', label: l.close },
      ],
    },
    { label: l.help, submenu: [{ label: l.about, click: opts.onAbout }] },
  ];
}
