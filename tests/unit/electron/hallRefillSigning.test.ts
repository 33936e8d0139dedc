// The restore refill's signature (docs/hall.md "Restoring the server") as the Electron host makes
// it: to a hall whose session answer says `refillSigning: 1`, each refill — a check-in too —
// carries the station key's signature over what it sends (holds, the events' gseq range and
// hashes, the credentials' canonical SHA-256, the held leases), which the fake hall verifies
// with the enrolled key; a hall from before gets the refill as it was, and no field it does not
// know.
import { createHash, webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeHalls, enrolArgs, event, hallOn, service } from './hallFixtures';

afterEach(closeHalls);

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const EMPTY = sha('[]');

describe('hall client refill signature', () => {
  it('signs each refill over what it sends; to a hall from before, unsigned', async () => {
    const cred = {
      eventId: 'HJ01-1',
      userId: 'u-1',
      hash: 'pbkdf2-sha256$600000$c2FsdHNhbHQ=$aGFzaGhhc2g=',
    };
    const server = await hallOn({ refillSigning: true });
    const { hall } = await service();
    await hall.enrol(enrolArgs(server.url));
    const e1 = event(1);
    expect(
      await hall.refill({ holds: 1, events: [{ gseq: 1, event: e1 }], credentials: [cred] }),
    ).toMatchObject({ ok: true, response: { accepted: 1 } });
    const sent = server.refills.at(-1)!;
    expect(sent.credentials).toEqual([cred]);
    expect(sent.credentialsSha256).toBe(sha(`[["HJ01-1","u-1","${cred.hash}"]]`));
    expect(server.verifiedRefills).toBe(1);

    // A check-in: the text is exactly this, and it verifies with the enrolled key.
    expect(await hall.refill({ holds: 1, events: [] })).toMatchObject({ ok: true });
    const checkIn = server.refills.at(-1)!;
    expect(checkIn.credentialsSha256).toBe(EMPTY);
    expect(server.verifiedRefills).toBe(2);
    const text = `onewindow-refill-v1\n1\n0\n0\n${EMPTY}\n${EMPTY}\n${EMPTY}`;
    const verifies = (t: string) =>
      webcrypto.subtle.verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        server.publicKey!,
        Buffer.from(String(checkIn.signature), 'base64'),
        Buffer.from(t, 'utf8'),
      );
    expect(await verifies(text)).toBe(true);
    expect(await verifies(text.replace('\n1\n', '\n2\n'))).toBe(false);

    const older = await hallOn();
    const second = await service();
    await second.hall.enrol(enrolArgs(older.url));
    expect(await second.hall.refill({ holds: 1, events: [{ gseq: 1, event: e1 }] })).toMatchObject({
      ok: true,
    });
    expect(older.refills.at(-1)).toEqual({ holds: 1, events: [{ gseq: 1, event: e1 }] });
  });
});
