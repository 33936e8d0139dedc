// The contract end to end without the Electron binary: real handlers and services on a temp
// folder, the IPC gate, an in-memory transport pair, and the client the preload uses.
import { describe, expect, it, vi } from 'vitest';
import {
  channels,
  HostError,
  wireName,
  type Envelope,
  type HostApi,
} from '../../../electron/contract';
import {
  createHostClient,
  reviveHostError,
  wrapBridgedHost,
} from '../../../electron/contract-client';
import { createHandlers, type HostPlatform } from '../../../electron/handlers';
import { registerHandlers, type Handlers, type SenderInfo } from '../../../electron/ipc';
import { createMemoryTransportPair } from '../../../electron/ipc-memory';
import { isTrustedSender } from '../../../electron/policy/navigation';
import { createAttachmentStore } from '../../../electron/services/attachments';
import { createPrintArchive } from '../../../electron/services/archive';
import { createBackupStore } from '../../../electron/services/backups';
import { createFileSaver } from '../../../electron/services/files';
import { createSettingsStore } from '../../../electron/services/settings';
import { bytesOf, errnoError, fakePlatform, tempDir } from './helpers';

const app = { indexUrl: 'file:///opt/onewindow/resources/app/out/renderer/index.html' };
const ours: SenderInfo = {
  frameUrl: `${app.indexUrl}#/intake`,
  isMainFrame: true,
  webContentsId: 1,
};

async function setup(
  platformOverrides: Partial<HostPlatform> = {},
  wrap?: (h: Handlers) => Handlers,
) {
  const dataDir = await tempDir();
  const settings = createSettingsStore(`${dataDir}/settings.json`);
  await settings.load();
  const saver = createFileSaver();
  const { platform, printed } = fakePlatform(platformOverrides);
  let handlers = createHandlers({
    dataDir,
    settings,
    attachments: createAttachmentStore(dataDir),
    saver,
    archive: createPrintArchive(dataDir),
    backups: createBackupStore(dataDir, { keep: () => settings.get().backupKeep, saver }),
    platform,
    warnings: [],
  });
  if (wrap) handlers = wrap(handlers);
  const { server, client } = createMemoryTransportPair(ours);
  const log = vi.fn();
  registerHandlers(server, handlers, {
    isTrustedSender: (s) => isTrustedSender(s, app),
    validateResults: true,
    allowedPathRoots: [dataDir],
    log,
  });
  const host: HostApi = createHostClient(client.invoke);
  return { dataDir, server, client, host, printed, log };
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof HostError ? { code: e.code, message: e.message } : e),
  );

describe('host contract over an in-memory transport', () => {
  it('registers every channel of the contract, namespaced, and nothing else', async () => {
    const { server } = await setup();
    expect(server.wires().sort()).toEqual(channels.map(wireName).sort());
  });

  it('refuses to register when a handler is missing', async () => {
    const { server } = createMemoryTransportPair();
    const partial = { 'app.info': () => ({}) } as unknown as Handlers;
    expect(() => registerHandlers(server, partial, { isTrustedSender: () => true })).toThrow(
      /no handler/,
    );
  });

  it('good arguments reach the services and come back typed', async () => {
    const { host, dataDir } = await setup();
    expect(await host.appInfo({})).toMatchObject({ dataDir, host: 'electron' });
    expect((await host.settingsSet({ language: 'en' })).language).toBe('en');
    expect((await host.settingsGet({})).language).toBe('en');
    const put = await host.attachmentsPut({
      name: '申请表.pdf',
      mime: 'application/pdf',
      bytes: bytesOf('申请表'),
    });
    // Bytes cross as a plain Uint8Array (structured clone), as through Electron's IPC.
    const got = await host.attachmentsGet({ id: put.id });
    expect(got.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(got.bytes).toString()).toBe('申请表');
    // The desktop host makes the PDF of the paper itself (the fake platform's printToPDF).
    const archived = await host.archivePut({
      caseId: 'C1',
      docType: 'receipt',
      title: '收件回执',
      html: '<p>收件回执</p>',
      paper: { widthMm: 80, heightMm: null },
    });
    expect(archived.format).toBe('pdf');
    expect((await host.archiveList({ caseId: 'C1' })).items.map((m) => m.id)).toEqual([
      archived.id,
    ]);
    const kept = await host.archiveGet({ id: archived.id });
    expect(Buffer.from(kept.bytes).toString()).toBe('%PDF-1.7 fake');
    expect(kept.meta.format).toBe('pdf');
    const backup = await host.backupsWrite({ bytes: bytesOf('db'), kind: 'manual' });
    expect((await host.backupsList({})).items).toEqual([backup.backup]);
  });

  it.each([
    ['attachmentsPut', { name: '../../evil', mime: 'x', bytes: new Uint8Array(1) }, 'invalid_args'],
    ['attachmentsGet', { id: '../../../etc/passwd' }, 'invalid_args'],
    ['settingsSet', { language: 'fr' }, 'invalid_args'],
    ['settingsSet', { __proto__: { polluted: true }, isAdmin: true }, 'invalid_args'],
    ['backupsRead', { name: '../settings.json' }, 'invalid_args'],
    ['printToPdf', { html: '<p>x</p>', paper: { widthMm: 80, heightMm: 0 } }, 'invalid_args'],
    [
      'printPrint',
      { html: '<p>x</p>', paper: { widthMm: 210, heightMm: 297 }, silent: true, copies: 0 },
      'invalid_args',
    ],
  ] as const)('%s with bad arguments answers %s', async (method, args, code) => {
    const { host } = await setup();
    const call = (host as unknown as Record<string, (a: unknown) => Promise<unknown>>)[method]!;
    expect(await errorOf(call(args))).toMatchObject({ code });
  });

  it('an oversized attachment is refused as too_large before any handler runs', async () => {
    const { host, log } = await setup();
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    expect(
      await errorOf(host.attachmentsPut({ name: 'a.pdf', mime: 'x', bytes: big })),
    ).toMatchObject({
      code: 'too_large',
    });
    expect(log).not.toHaveBeenCalled();
  });

  it.each([
    ['another site', { frameUrl: 'https://evil.example/', isMainFrame: true, webContentsId: 1 }],
    ['a sub-frame of our page', { ...ours, isMainFrame: false }],
    [
      'another local file',
      { frameUrl: 'file:///tmp/evil.html', isMainFrame: true, webContentsId: 1 },
    ],
    ['a frame that is gone', { frameUrl: null, isMainFrame: true, webContentsId: 1 }],
  ])('refuses calls from %s, without running the handler', async (_label, sender) => {
    const spy = vi.fn();
    const { client } = await setup({}, (h) => ({ ...h, 'settings.set': spy }));
    const answer = (await client.invokeWire(
      wireName('settings.set'),
      { language: 'en' },
      sender,
    )) as Envelope<unknown>;
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: 'forbidden_sender' },
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('thrown errors cross as typed results, without stack or outside paths', async () => {
    const { host, dataDir } = await setup({
      printers: async () => {
        throw new Error('boom at /home/clerk/secret/thing.ts:12');
      },
      toPdf: async () => {
        throw errnoError('ENOSPC', '/var/tmp/print-123.html');
      },
      chooseFolder: async () => {
        throw new HostError('io', `cannot read /etc/shadow nor ${dataDir}/tmp/x`);
      },
    });
    expect(await errorOf(host.printPrinters({}))).toEqual({
      code: 'internal',
      message: 'internal_error',
    });
    expect(
      await errorOf(host.printToPdf({ html: '<p/>', paper: { widthMm: 210, heightMm: 297 } })),
    ).toEqual({
      code: 'io',
      message: 'ENOSPC',
    });
    expect(await errorOf(host.filesChooseFolder({}))).toEqual({
      code: 'io',
      message: `cannot read <path> nor ${dataDir}/tmp/x`,
    });
  });

  it('a printer that is not installed is an io error, before anything prints', async () => {
    const { host, printed } = await setup();
    const job = { html: '<p/>', paper: { widthMm: 80, heightMm: null }, silent: true, copies: 2 };
    expect(await errorOf(host.printPrint({ ...job, deviceName: 'Gone_Printer' }))).toEqual({
      code: 'io',
      message: 'printer_not_found',
    });
    expect(printed).toEqual([]);
    expect(await host.printPrint({ ...job, deviceName: 'Receipt_80' })).toEqual({
      ok: true,
      copies: 2,
    });
  });

  it('a result of the wrong shape becomes internal in dev (validateResults)', async () => {
    const { host, log } = await setup({}, (h) => ({
      ...h,
      'backups.list': async () => ({ items: [{ name: 'not-a-backup' }] }) as never,
    }));
    expect(await errorOf(host.backupsList({}))).toEqual({
      code: 'internal',
      message: 'result_invalid',
    });
    expect(log).toHaveBeenCalledWith('ipc.result_invalid', expect.anything());
  });

  it('errors survive contextBridge (message only) and are revived as HostError', async () => {
    const { client } = await setup();
    const bridged = createHostClient(client.invoke, { bridged: true });
    // contextBridge keeps only the message of a thrown error: simulate exactly that.
    const asSeenByPage = Object.fromEntries(
      Object.entries(bridged).map(([k, fn]) => [
        k,
        (a: unknown) =>
          (fn as (a: unknown) => Promise<unknown>)(a).catch((e: Error) => {
            throw new Error(e.message);
          }),
      ]),
    ) as unknown as HostApi;
    const host = wrapBridgedHost(asSeenByPage);
    expect(await errorOf(host.backupsRead({ name: '../x' as never }))).toMatchObject({
      code: 'invalid_args',
    });
    expect(reviveHostError(new Error('something else'))).toMatchObject({ code: 'internal' });
  });
});
