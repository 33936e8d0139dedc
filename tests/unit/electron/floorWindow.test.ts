// floor.openWindow (contract-floor.ts): the page names a floor page, never a URL; the host opens
// the app's own route at the device's size, one window per page (and per rating window).
import { describe, expect, it } from 'vitest';
import { HostError, type HostApi } from '../../../electron/contract';
import { createHostClient } from '../../../electron/contract-client';
import { floorPageHash } from '../../../electron/contract-floor';
import { createHandlers } from '../../../electron/handlers';
import { registerHandlers } from '../../../electron/ipc';
import { createMemoryTransportPair } from '../../../electron/ipc-memory';
import { createAttachmentStore } from '../../../electron/services/attachments';
import { createPrintArchive } from '../../../electron/services/archive';
import { createBackupStore } from '../../../electron/services/backups';
import { createFileSaver } from '../../../electron/services/files';
import { createSettingsStore } from '../../../electron/services/settings';
import { fakePlatform, tempDir } from './helpers';

async function hostWithWindows() {
  const dataDir = await tempDir();
  const settings = createSettingsStore(`${dataDir}/settings.json`);
  await settings.load();
  const saver = createFileSaver();
  const opened: unknown[] = [];
  const { platform } = fakePlatform({ openFloorWindow: async (w) => void opened.push(w) });
  const handlers = createHandlers({
    dataDir,
    settings,
    attachments: createAttachmentStore(dataDir),
    saver,
    archive: createPrintArchive(dataDir),
    backups: createBackupStore(dataDir, { keep: () => 3, saver }),
    platform,
    warnings: [],
  });
  const { server, client } = createMemoryTransportPair();
  registerHandlers(server, handlers, { isTrustedSender: () => true, validateResults: true });
  const host: HostApi = createHostClient(client.invoke);
  return { host, opened };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof HostError ? e.code : String(e)),
  );

describe('floor.openWindow', () => {
  it('opens the kiosk, the display and a rating device at their routes and sizes', async () => {
    const { host, opened } = await hostWithWindows();
    expect(await host.floorOpenWindow({ page: 'kiosk' })).toEqual({ opened: true });
    await host.floorOpenWindow({ page: 'display' });
    await host.floorOpenWindow({ page: 'rating', window: 'HJ02' });
    expect(opened).toEqual([
      { key: 'kiosk', hash: '#/floor/kiosk', width: 1080, height: 1920 },
      { key: 'display', hash: '#/floor/display', width: 1920, height: 1080 },
      { key: 'rating:HJ02', hash: '#/floor/rating/HJ02', width: 800, height: 1280 },
    ]);
  });

  it('refuses anything but a floor page: a URL, another page, a window for the kiosk', async () => {
    const { host, opened } = await hostWithWindows();
    const bad = [
      { page: 'https://evil.example/' },
      { page: 'cases' },
      { page: 'kiosk', window: 'HJ02' },
      { page: 'rating', window: '../../etc' },
      { page: 'kiosk', url: 'https://evil.example/' },
    ];
    for (const args of bad)
      expect(await codeOf(host.floorOpenWindow(args as never))).toBe('invalid_args');
    expect(opened).toEqual([]);
  });

  it('builds the route from the page, encoded', () => {
    expect(floorPageHash('rating', 'HJ02')).toBe('#/floor/rating/HJ02');
    expect(floorPageHash('display')).toBe('#/floor/display');
  });
});
