// The push signature over the credentials (docs/hall.md "Push", form 2) as the Electron host
// makes it: the password hashes beside a push are covered by the signature the fake hall
// verifies with the enrolled key; a hall from before (no pushSigning in its session answer) gets
// form 1 and no field it does not know.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeHalls, enrolArgs, event, hallOn, service } from './hallFixtures';

afterEach(closeHalls);

describe('hall client push signature', () => {
  it('a push signs the credentials beside it (form 2); to a hall from before, form 1', async () => {
    const cred = {
      eventId: 'HJ01-1',
      userId: 'u-1',
      hash: 'pbkdf2-sha256$600000$c2FsdHNhbHQ=$aGFzaGhhc2g=',
    };
    const server = await hallOn();
    const { hall } = await service();
    await hall.enrol(enrolArgs(server.url));
    expect(
      await hall.push({ chainId: 'HJ01', fromSeq: 1, events: [event(1)], credentials: [cred] }),
    ).toMatchObject({ ok: true });
    const sent = server.pushes.at(-1)!;
    expect(sent.credentials).toEqual([cred]);
    expect(sent.credentialsSha256).toBe(
      createHash('sha256').update(`[["HJ01-1","u-1","${cred.hash}"]]`).digest('hex'),
    );
    expect(server.verified.push).toBe(1); // the fake verified the form-2 text with the sync key
    // No credentials: form 2 all the same, over the canonical empty list.
    await hall.push({ chainId: 'HJ01', fromSeq: 2, events: [event(2)] });
    expect(server.pushes.at(-1)!.credentialsSha256).toBe(
      '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
    );

    const older = await hallOn({ pushSigningForm1: true });
    const second = await service();
    await second.hall.enrol(enrolArgs(older.url));
    expect(
      await second.hall.push({ chainId: 'HJ01', fromSeq: 1, events: [event(1)] }),
    ).toMatchObject({ ok: true });
    expect(older.pushes.at(-1)).not.toHaveProperty('credentialsSha256');
    expect(older.verified.push).toBe(1);
  });
});
