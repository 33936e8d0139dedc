// Fuzzing the host contract: random and hostile arguments for every channel, through the
// in-memory transport and the real gate (electron/ipc.ts) into the REAL handlers and services on
// a temporary data folder. Every call must answer with a valid result or a typed error, nothing
// outside the data folder may change or leak, Object.prototype must stay clean, and nothing may
// crash the process (no unhandled rejection, no exception out of the transport).
import { lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channels,
  contract,
  hostErrorSchema,
  MAX_ATTACHMENT_BYTES,
  MAX_HTML_CHARS,
  wireName,
  type Channel,
  type Envelope,
} from '../../../electron/contract';
import { createHandlers } from '../../../electron/handlers';
import { registerHandlers } from '../../../electron/ipc';
import { createMemoryTransportPair, type MemoryClient } from '../../../electron/ipc-memory';
import { isTrustedSender } from '../../../electron/policy/navigation';
import { createAttachmentStore } from '../../../electron/services/attachments';
import { createPrintArchive } from '../../../electron/services/archive';
import { createBackupStore } from '../../../electron/services/backups';
import { createFileSaver } from '../../../electron/services/files';
import { createSettingsStore } from '../../../electron/services/settings';
import { fakePlatform } from '../electron/helpers';
import { FUZZ_RUNS, fuzzOptions } from './fuzzConfig';
import {
  hostileString,
  hostileValue,
  nested,
  objectWithKeys,
  POLLUTION_KEYS,
} from './hostileValues';

/** Runs per property (fuzzConfig.ts: OW_FUZZ_RUNS, OW_FUZZ_SEED). */
const RUNS = FUZZ_RUNS;
const CANARY = 'OW-CANARY-SECRET-7f3a';
const app = { indexUrl: 'file:///opt/onewindow/resources/app/out/renderer/index.html' };
const sender = { frameUrl: `${app.indexUrl}#/intake`, isMainFrame: true, webContentsId: 1 };

interface World {
  /** Everything the test owns; only `dataDir` (and `chosen`, the folder the user picked) may change. */
  root: string;
  dataDir: string;
  chosen: string;
  outside: string;
  client: MemoryClient;
  logged: { event: string; detail: Record<string, unknown> }[];
}
let w: World;
const tally = {
  calls: 0,
  ok: 0,
  errors: {} as Record<string, number>,
  perChannel: {} as Record<string, number>,
};
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

/** Path → size and mtime of everything under `dir` except the folders allowed to change. */
async function snapshot(dir: string, skip: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(d: string) {
    for (const name of await readdir(d)) {
      const p = join(d, name);
      if (skip.some((s) => p === s || p.startsWith(s + sep))) continue;
      const s = await lstat(p);
      out.set(relative(dir, p), `${s.isDirectory() ? 'd' : s.size}:${s.mtimeMs}`);
      if (s.isDirectory()) await walk(p);
    }
  }
  await walk(dir);
  return out;
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // Deep enough that '../' four times from the data folder still lands inside `root`.
  // Not helpers.tempDir: that one is removed after each test, this world lives for the file.
  const root = await mkdtemp(join(tmpdir(), 'ow-sec-fuzz-'));
  const dataDir = join(root, 'a', 'b', 'c', 'data');
  const chosen = join(root, 'chosen');
  const outside = join(root, 'a', 'outside');
  for (const d of [dataDir, chosen, outside]) await mkdir(d, { recursive: true });
  await writeFile(join(outside, 'secret.txt'), CANARY);
  await writeFile(join(root, 'a', 'b', 'settings.json'), JSON.stringify({ language: CANARY }));
  // A link planted inside the data folder that points outside: reads must refuse it.
  await mkdir(join(dataDir, 'attachments', 'aa'), { recursive: true });
  await symlink(join(outside, 'secret.txt'), join(dataDir, 'attachments', 'aa', 'a'.repeat(62)));

  const settings = createSettingsStore(join(dataDir, 'settings.json'));
  await settings.load();
  const saver = createFileSaver();
  const { platform } = fakePlatform({
    chooseFolder: async () => chosen,
    chooseSavePath: async (name) => join(chosen, name),
  });
  const handlers = createHandlers({
    dataDir,
    settings,
    attachments: createAttachmentStore(dataDir),
    saver,
    archive: createPrintArchive(dataDir),
    backups: createBackupStore(dataDir, { keep: () => settings.get().backupKeep, saver }),
    platform,
    warnings: [],
  });
  const { server, client } = createMemoryTransportPair(sender);
  const logged: World['logged'] = [];
  registerHandlers(server, handlers, {
    isTrustedSender: (s) => isTrustedSender(s, app),
    validateResults: true,
    allowedPathRoots: [dataDir, chosen],
    log: (event, detail) => logged.push({ event, detail }),
  });
  w = { root, dataDir, chosen, outside, client, logged };
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await rm(w.root, { recursive: true, force: true });
  // The figures for docs/security.md.
  console.info('host contract fuzz:', JSON.stringify(tally));
});

const protoNames = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(','),
  );
const cleanProtos = protoNames();

/** Sends one call and checks the answer's shape; returns the envelope. */
async function call(channel: Channel, args: unknown): Promise<Envelope<unknown>> {
  tally.calls += 1;
  tally.perChannel[channel] = (tally.perChannel[channel] ?? 0) + 1;
  const answer = (await w.client.invokeWire(wireName(channel), args)) as Envelope<unknown>;
  if (answer.ok) {
    tally.ok += 1;
    expect(contract[channel].result.safeParse(answer.value).success).toBe(true);
    // No result may carry bytes of a file outside the data folder.
    expect(Buffer.from(JSON.stringify(answer.value) ?? '').includes(CANARY)).toBe(false);
    for (const v of Object.values(answer.value as Record<string, unknown>)) {
      if (v instanceof Uint8Array) expect(Buffer.from(v).includes(CANARY)).toBe(false);
    }
  } else {
    expect(hostErrorSchema.safeParse(answer.error).success).toBe(true);
    tally.errors[answer.error.code] = (tally.errors[answer.error.code] ?? 0) + 1;
    // Typed, short, no stack trace, no path outside the data folder.
    expect(answer.error.message.length).toBeLessThanOrEqual(500);
    expect(answer.error.message).not.toMatch(/\n\s+at /);
    expect(answer.error.message).not.toContain(w.outside);
    expect(answer.error.message).not.toContain(CANARY);
    expect(answer.error.code).not.toBe('internal');
  }
  expect(protoNames()).toEqual(cleanProtos);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return answer;
}

const bytes = new Uint8Array(Buffer.from('%PDF-1.7 fuzz'));
const hex = 'b'.repeat(64);
/** One valid argument object per channel: the fuzz mutates these, so calls get past the gate. */
/** Keyed by name, not Channel: a channel added to the contract falls back to `{}` until listed. */
function validArgs(): Record<string, Record<string, unknown>> {
  return {
    'app.info': {},
    'settings.get': {},
    'settings.set': { language: 'en' },
    'attachments.put': { name: '申请表.pdf', mime: 'application/pdf', bytes },
    'attachments.get': { id: hex },
    'files.chooseFolder': { title: '选择文件夹' },
    'files.saveFile': { suggestedName: 'export.pdf', bytes, folder: w.chosen },
    'archive.put': {
      caseId: 'c1',
      docType: 'receipt',
      title: '收件回执',
      html: '<p>回执</p>',
      paper: { widthMm: 80, heightMm: null },
    },
    'archive.list': { caseId: 'c1' },
    'archive.get': { id: 'abcd1234abcd1234_0123456789' },
    'backups.write': { bytes, kind: 'manual' },
    'backups.list': {},
    'backups.read': { name: 'onewindow-manual-20260302T020000000Z.owbak' },
    'backups.export': { name: 'onewindow-manual-20260302T020000000Z.owbak', folder: w.chosen },
    'keys.publicKey': {},
    'keys.sign': { payload: 'OW1.certificate-payload' },
    'print.printers': {},
    'print.toPdf': { html: '<p>回执</p>', paper: { widthMm: 210, heightMm: 297 } },
    'print.print': {
      html: '<p>回执</p>',
      paper: { widthMm: 80, heightMm: null },
      silent: true,
      copies: 1,
    },
  };
}

/**
 * A folder argument that tries to leave the data folder without naming a real folder outside it
 * (those are finding F1 below — the fuzz must not write into real system folders as root).
 */
const hostileFolder = fc.oneof(
  hostileString.filter((s) => !s.startsWith('/') || s === '/etc/passwd'),
  fc.constantFrom('nope', 'a/../../b', '%2e%2e'),
  fc
    .constantFrom('missing', 'missing/../../missing2', '%2e%2e%2fx', 'x\u0000y', 'CON')
    .map((s) => `${w.root}/${s}`),
  fc.constant(undefined),
);

const mutated = fc.constantFrom(...channels).chain((channel) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            ...Object.keys(validArgs()[channel] ?? {}),
            'folder',
            'path',
            'id',
            'name',
          ),
          fc.constantFrom(...POLLUTION_KEYS),
        ),
        hostileValue,
      ),
      { minLength: 1, maxLength: 3 },
    )
    .chain((changes) =>
      fc.record({ folder: hostileFolder }).map(({ folder }) => {
        const base = validArgs()[channel] ?? {};
        const entries = Object.entries(base);
        for (const [k, v] of changes) {
          // Folders get the safe-to-try hostile folders, everything else any hostile value.
          entries.push([k, k === 'folder' ? folder : v]);
        }
        return { channel, args: objectWithKeys(entries) };
      }),
    ),
);

describe('host contract fuzz', () => {
  it('whole-argument garbage: every channel answers with a typed error, nothing else', async () => {
    const before = await snapshot(w.root, [w.dataDir, w.chosen]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), hostileValue, async (channel, args) => {
        const answer = await call(channel, args);
        // Whatever got through must be what the contract's schema accepts (no gate bypass).
        if (answer.ok) expect(contract[channel].args.safeParse(args ?? {}).success).toBe(true);
      }),
      fuzzOptions(RUNS * 2),
    );
    expect(await snapshot(w.root, [w.dataDir, w.chosen])).toEqual(before);
  });

  it('near-valid arguments with one to three hostile fields', async () => {
    const before = await snapshot(w.root, [w.dataDir, w.chosen]);
    await fc.assert(
      fc.asyncProperty(mutated, async ({ channel, args }) => {
        await call(channel, args);
      }),
      fuzzOptions(RUNS * 4),
    );
    expect(await snapshot(w.root, [w.dataDir, w.chosen])).toEqual(before);
  });

  it('path-shaped fields: traversal, absolute, encoded, NUL, drive letters, UNC', async () => {
    const before = await snapshot(w.root, [w.dataDir, w.chosen]);
    const fields: [Channel, string][] = [
      ['attachments.put', 'name'],
      ['attachments.get', 'id'],
      ['files.saveFile', 'suggestedName'],
      ['archive.put', 'caseId'],
      ['archive.put', 'reprintOf'],
      ['archive.list', 'caseId'],
      ['archive.get', 'id'],
      ['backups.read', 'name'],
      ['backups.export', 'name'],
      ['print.print', 'deviceName'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), hostileString, async ([channel, field], s) => {
        const answer = await call(channel, { ...(validArgs()[channel] ?? {}), [field]: s });
        // A name that the gate let through was made safe: it was written inside our folders.
        if (answer.ok && channel === 'files.saveFile') {
          const path = (answer.value as { path: string }).path;
          expect(path.startsWith(w.chosen + sep)).toBe(true);
        }
      }),
      fuzzOptions(RUNS * 2),
    );
    // The planted link to a file outside is refused, never followed.
    const link = await call('attachments.get', { id: 'a'.repeat(64) });
    expect(link.ok).toBe(false);
    expect(await snapshot(w.root, [w.dataDir, w.chosen])).toEqual(before);
  });

  it('oversized payloads are refused as too_large before any handler runs', async () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    const put = await call('attachments.put', { name: 'big.pdf', mime: 'x', bytes: big });
    expect(put.ok === false && put.error.code).toBe('too_large');
    const html = 'x'.repeat(MAX_HTML_CHARS + 1);
    const pdf = await call('print.toPdf', { html, paper: { widthMm: 210, heightMm: 297 } });
    expect(pdf.ok === false && pdf.error.code).toBe('invalid_args');
  });

  it('deep nesting: refused by the gate, or by the transport before it (as Electron would)', async () => {
    for (const channel of channels) {
      for (const asArray of [false, true]) {
        const answer = await call(channel, {
          ...(validArgs()[channel] ?? {}),
          deep: nested(500, asArray),
        });
        expect(answer.ok === false && answer.error.code).toBe('invalid_args');
      }
    }
    // Far deeper than any real message: the structured clone itself gives up, as Electron's
    // serializer does; the caller gets a rejected promise, the main process never sees it.
    await expect(
      w.client.invokeWire(wireName('settings.set'), { deep: nested(50_000, false) }),
    ).rejects.toThrow(RangeError);
  });

  it('a frame that is not ours is refused on every channel, whatever it sends', async () => {
    const evil = { frameUrl: 'https://evil.example/', isMainFrame: true, webContentsId: 9 };
    for (const channel of channels) {
      const answer = (await w.client.invokeWire(
        wireName(channel),
        validArgs()[channel] ?? {},
        evil,
      )) as Envelope<unknown>;
      expect(answer).toEqual({
        ok: false,
        error: { code: 'forbidden_sender', message: 'forbidden_sender' },
      });
    }
  });

  it('nothing crashed and nothing unexpected reached the log', () => {
    expect(unhandled).toEqual([]);
    // Handler errors that were not HostErrors are logged as 'ipc.handler_error' (our bugs).
    expect(w.logged.filter((l) => l.event !== 'ipc.forbidden_sender')).toEqual([]);
    expect(tally.calls).toBeGreaterThan(RUNS * 8);
  });

  // FINDING F3 (found by a soak run, seed -6062815; reported, electron/ is not ours): the patch
  // schema is settingsSchema.partial(), which lets `{ language: undefined }` through the gate
  // (structured clone keeps undefined properties, as Electron's IPC does); the store spreads it
  // over the current settings, the full schema throws, and the renderer gets 'internal' instead
  // of a no-op or 'invalid_args'. Fix: drop undefined keys from the patch, or refuse them.
  it('F3: settings.set with an undefined field gets a typed answer, not internal', async () => {
    const answer = await call('settings.set', objectWithKeys([['language', undefined]]));
    expect(answer.ok || answer.error.code !== 'internal').toBe(true);
  });

  // FINDING F1 (reported to the lead, not fixed here: electron/ is not ours). contract.ts says
  // `folder` is "a folder chosen before with files.chooseFolder", but the handler accepts any
  // existing absolute folder, so a compromised renderer can drop files anywhere the user may
  // write (a Windows Startup folder, for one). When the handler remembers the folders
  // chooseFolder returned and refuses others, this test fails: turn `it.fails` into `it`.
  it('F1: files.saveFile refuses a folder that files.chooseFolder never returned', async () => {
    const before = await snapshot(w.root, [w.dataDir, w.chosen]);
    const answer = await call('files.saveFile', {
      suggestedName: 'dropped.bat',
      bytes,
      folder: w.outside,
    });
    expect(answer.ok).toBe(false);
    expect(await snapshot(w.root, [w.dataDir, w.chosen])).toEqual(before);
  });
});
