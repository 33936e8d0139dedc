// Where things live on this machine. OW_USER_DATA / OW_DATA_DIR let the end-to-end tests give
// every run a fresh profile and data folder.
import { app } from 'electron';
import { join } from 'node:path';

/** Must run before app 'ready' (Electron fixes the profile folder then). */
export function applyUserDataOverride(): void {
  const override = process.env.OW_USER_DATA;
  if (override) app.setPath('userData', override);
}

export function resolveDataDir(): string {
  return process.env.OW_DATA_DIR ?? join(app.getPath('userData'), 'data');
}
