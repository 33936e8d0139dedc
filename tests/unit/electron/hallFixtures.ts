// The Electron host's hall client against the fake hall (tests/fixtures/hallFake.ts): a hall on
// loopback, the host's hall service in a temp data folder, enrolment arguments and events.
import { createAttachmentStore } from '../../../electron/services/attachments';
import { createPrintArchive } from '../../../electron/services/archive';
import { createHallService } from '../../../electron/services/hall';
import { startFakeHall, type FakeHall } from '../../fixtures/hallFake';
import { tempDir } from './helpers';

const halls: FakeHall[] = [];

/** Closes every hall hallOn started (a test file's afterEach). */
export const closeHalls = () => Promise.all(halls.splice(0).map((h) => h.close()));

/** A hall the test closed itself: not closed again. */
export const forgetHall = (h: FakeHall) => void halls.splice(halls.indexOf(h), 1);

export async function hallOn(opts: Parameters<typeof startFakeHall>[0] = {}) {
  const h = await startFakeHall(opts);
  halls.push(h);
  return h;
}

export async function service(timeoutMs = 3000) {
  const dir = await tempDir('ow-hall-');
  const attachments = createAttachmentStore(dir);
  const hall = createHallService({
    dataDir: dir,
    attachments,
    archive: createPrintArchive(dir),
    appVersion: '0.1.0-test',
    timeoutMs,
  });
  return { dir, hall, attachments };
}

export const enrolArgs = (serverUrl: string, fingerprint?: string) => ({
  serverUrl,
  code: 'ABCD-EFGH-JK23',
  stationCode: 'HJ01',
  label: '2号窗口',
  kind: 'counter' as const,
  ...(fingerprint !== undefined ? { fingerprint } : {}),
});

export const hex = (n: number) => n.toString(16).padStart(64, '0');
export const event = (seq: number) => ({
  id: `HJ01-${seq}`,
  stationId: 'HJ01',
  stationSeq: seq,
  streamId: 'case:HJ01-20261201-0001',
  type: 'case.received',
  payload: { n: seq },
  actor: { id: 'u-1', name: '窗口一', role: 'clerk' },
  at: '2026-12-01T08:41:00.000Z',
  prevHash: hex(seq - 1),
  hash: hex(seq),
});
