// The browser host's hall channels, called through the host contract exactly as feature code
// calls them (createBrowserHost: the same gate as Electron's), against a real local HTTP server
// (Node's fetch stands in for the page's): enrolment kept, sessions and pushes signed by the
// station's own non-extractable sync key, plain http only to this computer, deadlines kept.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { HostError } from '../../../../electron/contract';
import { hallErrorOf } from '../../../../electron/contract-hall';
import { createBrowserHost } from '../../../../renderer/src/host/browserHost';
import { HALL_KEY } from '../../../../renderer/src/host/browserHall';
import { startFakeHall, type FakeHall } from '../../../fixtures/hallFake';
import { bodyOf, bundleSigningText, type BundleEnvelope } from '../../../../server/protocol/bundle';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

const halls: FakeHall[] = [];
afterEach(async () => {
  await Promise.all(halls.splice(0).map((h) => h.close()));
});
async function hall(opts: Parameters<typeof startFakeHall>[0] = {}) {
  const h = await startFakeHall(opts);
  halls.push(h);
  return h;
}

const hostOn = (storage = memoryStorage(), timeoutMs = 3000) => ({
  storage,
  host: createBrowserHost(storage, { pdf: async () => null, hall: { timeoutMs } }),
});

const enrolArgs = (serverUrl: string) => ({
  serverUrl,
  code: 'ABCD-EFGH-JK23',
  stationCode: 'HJ02',
  label: '审查室',
  kind: 'desk' as const,
});

const hex = (n: number) => n.toString(16).padStart(64, '0');
const event = (seq: number) => ({
  id: `HJ02-${seq}`,
  stationId: 'HJ02',
  stationSeq: seq,
  streamId: 'case:HJ02-20261201-0001',
  type: 'case.received',
  payload: { n: seq },
  actor: { id: 'u-2', name: '审查员', role: 'reviewer' },
  at: '2026-12-01T08:41:00.000Z',
  prevHash: hex(seq - 1),
  hash: hex(seq),
});

async function hallError(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  return hallErrorOf(e);
}

describe('browser host hall channels', () => {
  it('a lone station is not enrolled: status says so, push says not_enrolled', async () => {
    const { host } = hostOn();
    expect(await host.hallStatus({})).toEqual({
      enrolled: false,
      serverUrl: null,
      hallName: null,
      stationCode: null,
      fingerprint: null,
      hallId: null,
      bundleKey: null,
      kind: null,
      enrolledAt: null,
    });
    expect(await host.hallPush({ chainId: 'HJ02', fromSeq: 1, events: [event(1)] })).toMatchObject({
      ok: false,
      error: { code: 'not_enrolled' },
    });
    expect(await hallError(host.hallSession({}))).toBe('not_enrolled');
  });

  it('enrols, keeps the enrolment, and signs sessions and pushes with its own sync key', async () => {
    const server = await hall();
    const { host, storage } = hostOn();
    const probe = await host.hallProbe({ serverUrl: server.url });
    expect(probe).toMatchObject({ hallName: '惠济区服务大厅', fingerprint: null, protocol: 1 });
    const done = await host.hallEnrol(enrolArgs(server.url));
    expect(done).toMatchObject({ hallId: 'hall-1', hallName: '惠济区服务大厅', fingerprint: null });
    expect(JSON.parse(storage.getItem(HALL_KEY)!)).toMatchObject({
      serverUrl: server.url,
      stationCode: 'HJ02',
      label: '审查室',
    });
    // A new host on the same storage (the page reloaded) is still enrolled.
    const again = createBrowserHost(storage, { pdf: async () => null });
    expect(await again.hallStatus({})).toMatchObject({ enrolled: true, stationCode: 'HJ02' });
    // The kind it was enrolled as: a floor device starts into its page by it (docs/floor.md).
    expect((await again.hallStatus({})).kind).toBe('desk');
    // When it was enrolled: enrolled again under the same code (after a bad-signature alert),
    // the status says a new time, and the page starts a fresh sync engine (hallSyncWatch.ts).
    const first = (await again.hallStatus({})).enrolledAt;
    expect(first).toBe(JSON.parse(storage.getItem(HALL_KEY)!).enrolledAt);
    await new Promise((r) => setTimeout(r, 5));
    await again.hallEnrol({ ...enrolArgs(server.url), replace: true });
    const second = await again.hallStatus({});
    expect(second).toMatchObject({ enrolled: true, stationCode: 'HJ02' });
    expect(Date.parse(second.enrolledAt!)).toBeGreaterThan(Date.parse(first!));

    const pushed = await host.hallPush({ chainId: 'HJ02', fromSeq: 1, events: [event(1)] });
    expect(pushed).toMatchObject({ ok: true, response: { accepted: 1, gseqs: [1] } });
    expect(server.verified).toEqual({ session: 1, push: 1 });
    // The key the server holds is not the office key (certificate QR codes).
    const office = await host.keysPublicKey({});
    const enrolled = Buffer.from(await crypto.subtle.exportKey('spki', server.publicKey!)).toString(
      'base64',
    );
    expect(enrolled).not.toBe(office.spki);
    // Non-extractable: the page can use the private key but never read it out.
    const db = new Dexie('onewindow-host-keys');
    db.version(1).stores({ keys: 'id' });
    const row = (await db.table('keys').get('sync')) as { privateKey: CryptoKey };
    expect(row.privateKey.extractable).toBe(false);
    db.close();

    expect(await host.hallPull({ after: 0, limit: 50, waitMs: 0 })).toMatchObject({
      ok: true,
      response: { cursor: 1, lastGseq: 1 },
    });
  });

  it('refuses plain http to another computer and a code the server does not know', async () => {
    const server = await hall();
    const { host } = hostOn();
    expect(await hallError(host.hallEnrol(enrolArgs('http://10.0.0.5:8443')))).toBe(
      'insecure_address',
    );
    const bad = { ...enrolArgs(server.url), code: 'ZZZZ-ZZZZ-ZZZZ' };
    expect(await hallError(host.hallEnrol(bad))).toBe('enrolment_code_invalid');
    expect(server.seen).toEqual(['POST /v1/enrol']);
    // A code in the wrong shape never leaves the page: the contract refuses it.
    await expect(host.hallEnrol({ ...enrolArgs(server.url), code: 'abcd' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
  });

  it('uploads an attachment from its own store; a server that does not answer is unreachable', async () => {
    const server = await hall();
    const { host } = hostOn(memoryStorage(), 400);
    await host.hallEnrol(enrolArgs(server.url));
    const scan = await host.attachmentsPut({
      name: 'scan.pdf',
      mime: 'application/pdf',
      bytes: new TextEncoder().encode('%PDF-1.7 申请表'),
    });
    expect(
      await host.hallPutBlob({ sha256: scan.id, source: { kind: 'attachment', id: scan.id } }),
    ).toEqual({ ok: true });
    expect(server.blobs.get(scan.id)?.toString('utf8')).toBe('%PDF-1.7 申请表');
    server.hang = true;
    const started = Date.now();
    expect(await host.hallMissingBlobs({ hashes: [scan.id] })).toMatchObject({
      ok: false,
      error: { code: 'unreachable', message: 'timeout' },
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('pins the hall bundle key from the session; seals a field bundle with the sync key', async () => {
    const hallKey = Buffer.from('hall-bundle-key-spki-stand-in').toString('base64');
    const server = await hall({ bundleKey: hallKey });
    const { host, storage } = hostOn();
    await host.hallEnrol(enrolArgs(server.url));
    expect(await host.hallStatus({})).toMatchObject({ hallId: 'hall-1', bundleKey: null });
    await host.hallSession({});
    expect(await host.hallStatus({})).toMatchObject({ hallId: 'hall-1', bundleKey: hallKey });
    expect(JSON.parse(storage.getItem(HALL_KEY)!)).toMatchObject({ bundleKey: hallKey });
    const scan = await host.attachmentsPut({
      name: 'scan.pdf',
      mime: 'application/pdf',
      bytes: new TextEncoder().encode('%PDF-1.7 现场'),
    });
    const sealed = await host.hallSealBundle({
      cursor: 4,
      chains: [{ chainId: 'HJ02', fromSeq: 1, events: [event(1), event(2)] }],
      credentials: [],
      blobs: [{ sha256: scan.id, source: { kind: 'attachment', id: scan.id } }],
    });
    expect(sealed).toMatchObject({ events: 2, blobs: 1 });
    expect(sealed.fileName).toMatch(/^onewindow-HJ02-to-hall-\d{8}-\d{6}\.owb$/);
    const file = JSON.parse(new TextDecoder().decode(sealed.bytes)) as BundleEnvelope;
    expect(file).toMatchObject({ kind: 'station', hallId: 'hall-1', stationCode: 'HJ02' });
    const body = bodyOf(file as BundleEnvelope & { kind: 'station' })!;
    expect(body.cursor).toBe(4);
    expect(Buffer.from(body.blobs[0]!.data, 'base64').toString('utf8')).toBe('%PDF-1.7 现场');
    // Signed by the key the hall enrolled (the sync key), over the body's hash.
    const ok = await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      server.publicKey!,
      Buffer.from(file.signature, 'base64'),
      new TextEncoder().encode(bundleSigningText(file)),
    );
    expect(ok).toBe(true);
    // Another station's chain is not sealed; a blob whose bytes do not match is not either.
    await expect(
      host.hallSealBundle({
        cursor: 0,
        chains: [{ chainId: 'HJ01', fromSeq: 1, events: [event(1)] }],
        credentials: [],
        blobs: [],
      }),
    ).rejects.toThrow();
    await expect(
      host.hallSealBundle({
        cursor: 0,
        chains: [{ chainId: 'HJ02', fromSeq: 1, events: [event(1)] }],
        credentials: [],
        blobs: [{ sha256: hex(9), source: { kind: 'attachment', id: scan.id } }],
      }),
    ).rejects.toThrow();
  });

  it('allocates a certificate number through the contract gate; a bad request never leaves', async () => {
    const server = await hall();
    const { host } = hostOn(memoryStorage(), 400);
    await host.hallEnrol(enrolArgs(server.url));
    const ask = {
      requestKey: 'c1:certificateIssued:a1',
      certType: 'constructionPermit',
      year: 2026,
      caseId: 'c1',
    };
    expect(await host.hallAllocateNumber(ask)).toMatchObject({ ok: true, response: { seq: 1 } });
    expect(await host.hallAllocateNumber(ask)).toMatchObject({
      ok: true,
      response: { seq: 1, replayed: true },
    });
    await expect(
      host.hallAllocateNumber({ ...ask, requestKey: 'has spaces' }),
    ).rejects.toMatchObject({ code: 'invalid_args' });
    expect(server.seen.filter((s) => s.includes('numbers'))).toHaveLength(2);
  });
});
