// The Electron host's hall client against a real local server (node:https with a certificate
// openssl makes for the test, or node:http on loopback): the certificate pinned at enrolment is
// the only one it talks to, plain http goes to this computer only, every session and push is
// signed by the station's sync key (verified by the server with the enrolled public key), and a
// server that does not answer is 'unreachable' within the deadline.
import { createServer, type Server } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { HostError } from '../../../electron/contract';
import {
  hallErrorOf,
  normaliseFingerprint,
  seenFingerprintOf,
} from '../../../electron/contract-hall';
import { createAttachmentStore } from '../../../electron/services/attachments';
import { createPrintArchive } from '../../../electron/services/archive';
import { enrolmentFilePath } from '../../../electron/services/hall';
import { createKeyService, keyFilePath, syncKeyFilePath } from '../../../electron/services/keys';
import { createHandlers } from '../../../electron/handlers';
import { registerHandlers } from '../../../electron/ipc';
import { createMemoryTransportPair } from '../../../electron/ipc-memory';
import { createHostClient } from '../../../electron/contract-client';
import { createBackupStore } from '../../../electron/services/backups';
import { createFileSaver } from '../../../electron/services/files';
import { createSettingsStore } from '../../../electron/services/settings';
import { hasOpenssl, makeCert } from '../../fixtures/hallFake';
import { bytesOf, fakePlatform, tempDir } from './helpers';
import { closeHalls, enrolArgs, event, forgetHall, hallOn, hex, service } from './hallFixtures';

const raw: Server[] = [];
afterEach(async () => {
  await closeHalls();
  raw.splice(0).forEach((s) => s.close());
});

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    return e;
  }
  throw new Error('expected a failure');
}

describe.skipIf(!hasOpenssl)('hall client over TLS, certificate pinned', () => {
  it('the probe shows the certificate fingerprint openssl computes; enrolment pins it', async () => {
    const cert = makeCert(await tempDir());
    const server = await hallOn({ tls: cert });
    const { dir, hall } = await service();
    const probe = await hall.probe({ serverUrl: server.url });
    expect(probe.fingerprint).toBe(normaliseFingerprint(cert.opensslFingerprint));
    expect(probe.hallName).toBe('惠济区服务大厅');

    const done = await hall.enrol(enrolArgs(server.url, cert.opensslFingerprint));
    expect(done).toMatchObject({ hallId: 'hall-1', hallName: '惠济区服务大厅' });
    expect(done.fingerprint).toBe(probe.fingerprint);
    const kept = JSON.parse(await readFile(enrolmentFilePath(dir), 'utf8'));
    expect(kept).toMatchObject({
      serverUrl: server.url,
      hallId: 'hall-1',
      stationCode: 'HJ01',
      fingerprint: probe.fingerprint,
    });
    expect(await hall.status()).toEqual({
      enrolled: true,
      serverUrl: server.url,
      hallName: '惠济区服务大厅',
      stationCode: 'HJ01',
      fingerprint: probe.fingerprint,
      hallId: 'hall-1',
      bundleKey: null,
      kind: 'counter',
      enrolledAt: kept.enrolledAt,
    });
    expect(Number.isNaN(Date.parse(kept.enrolledAt))).toBe(false);
    // The sync key is its own file, not the office key.
    await expect(readFile(syncKeyFilePath(dir), 'utf8')).resolves.toContain('ECDSA-P256');
    await expect(readFile(keyFilePath(dir), 'utf8')).rejects.toThrow();
    // Pushing through the pinned connection: signed, verified by the server.
    const pushed = await hall.push({ chainId: 'HJ01', fromSeq: 1, events: [event(1), event(2)] });
    expect(pushed).toMatchObject({ ok: true, response: { accepted: 2, gseqs: [1, 2] } });
    expect(server.verified).toEqual({ session: 1, push: 1 });
  });

  it('refuses a certificate that differs from the fingerprint typed in; the code is never sent', async () => {
    const dir = await tempDir();
    const cert = makeCert(dir, 'real');
    const other = makeCert(dir, 'other');
    const server = await hallOn({ tls: cert });
    const { hall } = await service();
    const e = await failure(hall.enrol(enrolArgs(server.url, other.opensslFingerprint)));
    expect(hallErrorOf(e)).toBe('certificate_mismatch');
    // The screen shows what the server really showed beside what was typed.
    expect(seenFingerprintOf(e)).toBe(normaliseFingerprint(cert.opensslFingerprint));
    expect(server.seen).toEqual([]);
    expect((await hall.status()).enrolled).toBe(false);
    // https without a fingerprint to compare: refused as well, before any byte is sent.
    expect(hallErrorOf(await failure(hall.enrol(enrolArgs(server.url))))).toBe(
      'certificate_mismatch',
    );
    expect(server.seen).toEqual([]);
  });

  it('after enrolment, a server with another certificate gets nothing: no session, no events', async () => {
    const dir = await tempDir();
    const cert = makeCert(dir, 'real');
    const server = await hallOn({ tls: cert });
    const { hall } = await service();
    await hall.enrol(enrolArgs(server.url, cert.opensslFingerprint));
    const port = server.port;
    await server.close();
    forgetHall(server);
    // Someone else answers on the same address with their own certificate.
    const impostor = await hallOn({ tls: makeCert(dir, 'impostor'), port });
    const pushed = await hall.push({ chainId: 'HJ01', fromSeq: 1, events: [event(1)] });
    expect(pushed).toMatchObject({ ok: false, error: { code: 'certificate_mismatch' } });
    expect(impostor.seen).toEqual([]);
    expect(hallErrorOf(await failure(hall.session()))).toBe('certificate_mismatch');
  });
});

describe('hall client over plain http', () => {
  it('refuses http:// to an address that is not this computer, without connecting', async () => {
    const { hall } = await service();
    for (const url of ['http://192.0.2.10:8443', 'http://hall.example.org']) {
      expect(hallErrorOf(await failure(hall.enrol(enrolArgs(url))))).toBe('insecure_address');
      expect(hallErrorOf(await failure(hall.probe({ serverUrl: url })))).toBe('insecure_address');
    }
    for (const url of ['ftp://127.0.0.1', 'https://127.0.0.1/v1?x=1', 'not an address']) {
      expect(hallErrorOf(await failure(hall.probe({ serverUrl: url })))).toBe('bad_address');
    }
  });

  it('on loopback: sessions and pushes are signed with the sync key and verify with its public key', async () => {
    const server = await hallOn();
    const { dir, hall } = await service();
    const done = await hall.enrol(enrolArgs(server.url));
    expect(done.fingerprint).toBeNull();
    const session = await hall.session();
    expect(session.lastGseq).toBe(0);
    const pushed = await hall.push({ chainId: 'HJ01', fromSeq: 1, events: [event(1)] });
    expect(pushed.ok).toBe(true);
    expect(server.verified).toEqual({ session: 1, push: 1 });
    // The server's key is the station's sync key: a signature by it verifies, by the office key not.
    const sync = createKeyService(dir, { file: syncKeyFilePath(dir) });
    expect((await sync.publicKey()).spki).toBe(
      Buffer.from(await globalThis.crypto.subtle.exportKey('spki', server.publicKey!)).toString(
        'base64',
      ),
    );
    // An expired token: the host opens a new session once and the push goes through.
    server.expireTokens = 1;
    const again = await hall.push({ chainId: 'HJ01', fromSeq: 2, events: [event(2)] });
    expect(again).toMatchObject({ ok: true, response: { gseqs: [2] } });
    expect(server.verified.session).toBe(2);
    const pull = await hall.pull({ after: 0, limit: 100, waitMs: 0 });
    expect(pull).toMatchObject({ ok: true, response: { cursor: 2, lastGseq: 2 } });
  });

  it("returns the server's refusals by code with their details, and enrolment refusals as HostErrors", async () => {
    const server = await hallOn();
    const { hall } = await service();
    const bad = { ...enrolArgs(server.url), code: 'ZZZZ-ZZZZ-ZZZZ' };
    expect(hallErrorOf(await failure(hall.enrol(bad)))).toBe('enrolment_code_invalid');
    const taken = { ...enrolArgs(server.url), stationCode: 'HJ09' };
    expect(hallErrorOf(await failure(hall.enrol(taken)))).toBe('station_code_taken');
    expect(await hall.push({ chainId: 'HJ01', fromSeq: 1, events: [event(1)] })).toMatchObject({
      ok: false,
      error: { code: 'not_enrolled' },
    });
    await hall.enrol(enrolArgs(server.url));
    expect(hallErrorOf(await failure(hall.enrol(enrolArgs(server.url))))).toBe('already_enrolled');
    server.refusePush = {
      status: 409,
      body: { error: { code: 'gap', message: 'expected 1', expectedSeq: 1 } },
    };
    expect(await hall.push({ chainId: 'HJ01', fromSeq: 5, events: [event(5)] })).toEqual({
      ok: false,
      error: { code: 'gap', message: 'expected 1', expectedSeq: 1 },
    });
  });

  it('enrols again only when asked, and only into the same hall', async () => {
    const server = await hallOn();
    const other = await hallOn({ hallId: 'hall-elsewhere' });
    const { dir, hall } = await service();
    await hall.enrol(enrolArgs(server.url));
    expect(hallErrorOf(await failure(hall.enrol({ ...enrolArgs(other.url), replace: true })))).toBe(
      'other_hall',
    );
    expect(other.seen).toEqual(['GET /v1/health']); // no code, no key went there
    expect(JSON.parse(await readFile(enrolmentFilePath(dir), 'utf8')).serverUrl).toBe(server.url);
    const again = await hall.enrol({ ...enrolArgs(server.url), label: '3号窗口', replace: true });
    expect(again.hallId).toBe('hall-1');
    expect(JSON.parse(await readFile(enrolmentFilePath(dir), 'utf8')).label).toBe('3号窗口');
    expect((await hall.push({ chainId: 'HJ01', fromSeq: 1, events: [event(1)] })).ok).toBe(true);
  });

  it('uploads a blob from the attachment store after checking its hash', async () => {
    const server = await hallOn();
    const { hall, attachments } = await service();
    await hall.enrol(enrolArgs(server.url));
    const scan = await attachments.put(bytesOf('扫描件 %PDF-1.7'));
    expect(await hall.missingBlobs({ hashes: [scan.id] })).toEqual({
      ok: true,
      missing: [scan.id],
    });
    expect(await hall.putBlob({ sha256: scan.id, source: { kind: 'attachment', id: scan.id } }))
      .toEqual({ ok: true }); // prettier-ignore
    expect(server.blobs.get(scan.id)?.toString('utf8')).toBe('扫描件 %PDF-1.7');
    expect(await hall.missingBlobs({ hashes: [scan.id] })).toEqual({ ok: true, missing: [] });
    const absent = hex(7);
    expect(
      await hall.putBlob({ sha256: absent, source: { kind: 'attachment', id: absent } }),
    ).toMatchObject({ ok: false, error: { code: 'local_missing' } });
  });
});

describe('hall client deadlines', () => {
  it('a server that accepts but never answers is unreachable within the deadline', async () => {
    const server = await hallOn();
    const { hall } = await service(400);
    await hall.enrol(enrolArgs(server.url));
    server.hang = true;
    const started = Date.now();
    const pushed = await hall.push({ chainId: 'HJ01', fromSeq: 1, events: [event(1)] });
    expect(pushed).toMatchObject({ ok: false, error: { code: 'unreachable', message: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a TLS port that never completes the handshake, and a closed port, are unreachable', async () => {
    const silent = createServer(() => undefined); // accepts TCP, says nothing
    raw.push(silent);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const { hall } = await service(300);
    expect(hallErrorOf(await failure(hall.probe({ serverUrl: `https://127.0.0.1:${port}` })))).toBe(
      'unreachable',
    );
    silent.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(hallErrorOf(await failure(hall.probe({ serverUrl: `http://127.0.0.1:${port}` })))).toBe(
      'unreachable',
    );
  });
});

describe('hall channels through the IPC gate', () => {
  it('refusals reach the page by code; nothing of the call (code, events, token) reaches the log', async () => {
    const server = await hallOn();
    const dir = await tempDir('ow-hall-ipc-');
    const settings = createSettingsStore(`${dir}/settings.json`);
    await settings.load();
    const saver = createFileSaver();
    const handlers = createHandlers({
      dataDir: dir,
      settings,
      attachments: createAttachmentStore(dir),
      saver,
      archive: createPrintArchive(dir),
      backups: createBackupStore(dir, { keep: () => 3, saver }),
      platform: fakePlatform().platform,
      warnings: [],
    });
    const { server: gate, client } = createMemoryTransportPair();
    const logged: unknown[] = [];
    registerHandlers(gate, handlers, {
      isTrustedSender: () => true,
      validateResults: true,
      log: (event, detail) => logged.push({ event, detail }),
    });
    const host = createHostClient(client.invoke);
    expect(await host.hallStatus({})).toMatchObject({ enrolled: false });
    const refused = await host
      .hallEnrol({ ...enrolArgs(server.url), code: 'USED-USED-USED' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'hall', message: 'enrolment_code_used' });
    await host.hallEnrol(enrolArgs(server.url));
    expect(await host.hallStatus({})).toMatchObject({ enrolled: true, stationCode: 'HJ01' });
    server.refusePush = {
      status: 409,
      body: { error: { code: 'fork', message: 'seq 1 differs', seq: 1 } },
    };
    expect(await host.hallPush({ chainId: 'HJ01', fromSeq: 1, events: [event(1)] })).toEqual({
      ok: false,
      error: { code: 'fork', message: 'seq 1 differs', seq: 1 },
    });
    expect(await host.hallPush({ chainId: 'HJ01', fromSeq: 1, events: [event(1)] })).toMatchObject({
      ok: true,
    });
    expect(logged).toEqual([]);
  });

  it('allocates a certificate number through the session; the same key gets the same number', async () => {
    const server = await hallOn();
    const { hall } = await service();
    await hall.enrol(enrolArgs(server.url));
    const ask = (caseId: string, attempt: string) => ({
      requestKey: `${caseId}:certificateIssued:${attempt}`,
      certType: 'constructionPermit',
      year: 2026,
      caseId,
    });
    expect(await hall.allocateNumber(ask('c1', 'a1'))).toMatchObject({
      ok: true,
      response: { seq: 1, seriesId: 'cert:constructionPermit:2026', replayed: false },
    });
    expect(await hall.allocateNumber(ask('c2', 'b1'))).toMatchObject({ response: { seq: 2 } });
    expect(await hall.allocateNumber(ask('c1', 'a1'))).toMatchObject({
      response: { seq: 1, replayed: true },
    });
    expect(await hall.allocateNumber({ ...ask('c1', 'a1'), caseId: 'c9' })).toMatchObject({
      ok: false,
      error: { code: 'request_key_reused' },
    });
    expect(server.seen.filter((s) => s.includes('numbers'))).toHaveLength(4);
    await server.close();
    expect(await hall.allocateNumber(ask('c3', 'c1'))).toMatchObject({
      ok: false,
      error: { code: 'unreachable' },
    });
  });

  it('refills a restored hall through the session: the events with their gseqs, as held', async () => {
    const server = await hallOn();
    const { hall } = await service();
    await hall.enrol(enrolArgs(server.url));
    const events = [event(1), event(2)].map((e, i) => ({ gseq: 7 + i, event: e }));
    expect(await hall.refill({ holds: 8, events })).toMatchObject({
      ok: true,
      response: { restoring: false, lastGseq: 8, accepted: 2, next: null, waitingFor: [] },
    });
    expect(server.refills).toEqual([{ holds: 8, events }]);
    expect(server.seen.filter((s) => s.includes('refill'))).toHaveLength(1);
    await server.close();
    expect(await hall.refill({ holds: 8, events: [] })).toMatchObject({
      ok: false,
      error: { code: 'unreachable' },
    });
  });
});
