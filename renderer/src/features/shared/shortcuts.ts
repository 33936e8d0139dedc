// Every keyboard shortcut of the app, in one place: what the F1 help lists (SHORTCUTS, one row per
// line of the help) and how each handler recognises its key (isKey). A handler asks isKey('save',
// e) instead of comparing e.key itself, so a shortcut cannot exist without being listed — a unit
// test checks that no component reads e.key, e.code or a modifier on its own.
import { areas } from '../../app/stores/areas';

/** What a key handler needs of a keyboard event (React's and the DOM's both fit). */
export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const ctrl = (e: KeyLike) => e.ctrlKey || e.metaKey;
const plain = (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey;

/** The recognisers, by name. */
const matchers = {
  /** Alt+1 … Alt+8: see areaOfKey. */
  area: (e: KeyLike) => areaOfKey(e) !== null,
  /** Any shortcut that works everywhere, which the lock screen must swallow. */
  frame: (e: KeyLike) => e.altKey || e.key === 'F1',
  help: (e: KeyLike) => e.key === 'F1',
  search: (e: KeyLike) =>
    (plain(e) && e.key === 'F3') || (ctrl(e) && !e.altKey && e.key.toLowerCase() === 'f'),
  enter: (e: KeyLike) => plain(e) && !e.shiftKey && e.key === 'Enter',
  escape: (e: KeyLike) => e.key === 'Escape',
  up: (e: KeyLike) => plain(e) && e.key === 'ArrowUp',
  down: (e: KeyLike) => plain(e) && e.key === 'ArrowDown',
  pageUp: (e: KeyLike) => plain(e) && e.key === 'PageUp',
  pageDown: (e: KeyLike) => plain(e) && e.key === 'PageDown',
  space: (e: KeyLike) => plain(e) && e.key === ' ',
  tab: (e: KeyLike) => e.key === 'Tab',
  save: (e: KeyLike) => ctrl(e) && !e.altKey && e.key.toLowerCase() === 's',
  submit: (e: KeyLike) => ctrl(e) && !e.altKey && e.key === 'Enter',
  /** The calling panel (叫号): by the key's position, whatever the keyboard layout. */
  callNext: (e: KeyLike) => e.altKey && !ctrl(e) && e.code === 'KeyN',
  recall: (e: KeyLike) => e.altKey && !ctrl(e) && e.code === 'KeyR',
} as const;

export type KeyId = keyof typeof matchers;

export function isKey(id: KeyId, e: KeyLike): boolean {
  return matchers[id](e);
}

/** The area of Alt+1 … Alt+8 (by the key's position, whatever the keyboard layout), or null. */
export function areaOfKey(e: KeyLike): (typeof areas)[number] | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || !/^Digit[1-8]$/.test(e.code)) return null;
  return areas[Number(e.code.slice(5)) - 1] ?? null;
}

export const areaShortcut = (area: (typeof areas)[number]) => `Alt+${areas.indexOf(area) + 1}`;

/** Where a shortcut works: a heading of the help (app:shortcuts.scope.*). */
export type ShortcutScope =
  'everywhere' | 'cases' | 'lists' | 'counselling' | 'intake' | 'approval' | 'issuance' | 'queue';

export interface Shortcut {
  /** Its line in the help: app:shortcuts.do.<id>. */
  id: string;
  scope: ShortcutScope;
  /** The keys as printed, alternatives side by side. */
  keys: readonly string[];
  /** The recognisers behind it. */
  uses: readonly KeyId[];
}

/** The help, in order. The areas' own lines (Alt+1 …) come from `areas`. */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'area', scope: 'everywhere', keys: ['Alt+1 … Alt+8'], uses: ['area'] },
  { id: 'help', scope: 'everywhere', keys: ['F1'], uses: ['help', 'frame'] },
  { id: 'search', scope: 'cases', keys: ['F3', 'Ctrl+F'], uses: ['search'] },
  { id: 'searchRun', scope: 'cases', keys: ['Enter'], uses: ['enter'] },
  { id: 'searchClear', scope: 'cases', keys: ['Esc'], uses: ['escape'] },
  { id: 'listMove', scope: 'lists', keys: ['↑', '↓'], uses: ['up', 'down'] },
  { id: 'listPage', scope: 'lists', keys: ['PgUp', 'PgDn'], uses: ['pageUp', 'pageDown'] },
  { id: 'listOpen', scope: 'lists', keys: ['Enter'], uses: ['enter'] },
  { id: 'save', scope: 'counselling', keys: ['Ctrl+S'], uses: ['save'] },
  { id: 'matterPick', scope: 'counselling', keys: ['Enter'], uses: ['enter'] },
  { id: 'matterList', scope: 'counselling', keys: ['↓', '↑'], uses: ['down', 'up'] },
  { id: 'matterTick', scope: 'counselling', keys: ['Space', 'Enter'], uses: ['space', 'enter'] },
  { id: 'matterBack', scope: 'counselling', keys: ['Esc'], uses: ['escape'] },
  { id: 'materialsTick', scope: 'intake', keys: ['Tab', 'Space'], uses: ['tab', 'space'] },
  { id: 'scanPick', scope: 'intake', keys: ['Enter', 'Space'], uses: ['enter', 'space'] },
  { id: 'submit', scope: 'approval', keys: ['Ctrl+Enter'], uses: ['submit'] },
  { id: 'verify', scope: 'issuance', keys: ['Enter'], uses: ['enter'] },
  { id: 'issuanceScan', scope: 'issuance', keys: ['Enter', 'Esc'], uses: ['enter', 'escape'] },
  { id: 'callNext', scope: 'queue', keys: ['Alt+N'], uses: ['callNext'] },
  { id: 'recall', scope: 'queue', keys: ['Alt+R'], uses: ['recall'] },
];

/** The aria-keyshortcuts value of a key as printed ("Ctrl+S" → "Control+S"). */
export const ariaKeys = (keys: string) => keys.replace(/^Ctrl\+/, 'Control+');
