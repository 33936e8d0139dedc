// The issuance data paths on a fake IndexedDB: the rating with its follow-up in one
// transaction, and what verification says for current, voided and replaced certificates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { certificateStanding, issuanceQueue } from '../../../../renderer/src/data/certificates';
import { followUpsOfCase, recordRating } from '../../../../renderer/src/data/followUps';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import type { Command, RatingLevel } from '../../../../renderer/src/domain';
import { verifyCertificate } from '../../../../renderer/src/features/issuance/verify';
import { signClaim } from '../../../../renderer/src/features/issuance/qrPayload';
import { acceptOf, actors, placeHJ02 } from '../domain/workflowFixtures';
import { stationDb } from '../data/helpers';

let db: OneWindowDb;
// 2026-03-02 is a Monday; 15 working days later, with no holiday between, is 2026-03-23.
const now = new Date('2026-03-02T02:00:00Z');

beforeEach(async () => {
  db = await stationDb(now);
});
afterEach(() => db.close());

async function ok(command: Command, actor = actors.clerk) {
  const r = await dispatch(db, command, { actor, now });
  if (!r.ok) throw new Error(JSON.stringify(r.refusal));
  return r;
}

/** A case taken in, approved by all three steps, and issued with an allocated number. */
async function issuedCase(caseId = 'c1') {
  await ok({ ...(acceptOf() as Extract<Command, { type: 'accept' }>), caseId, caseNo: '' });
  await ok({ type: 'review', caseId, opinion: '同意' }, actors.reviewer);
  await ok({ type: 'verify', caseId, opinion: '同意' }, actors.chief);
  await ok({ type: 'approve', caseId, opinion: '同意' }, actors.director);
  expect((await issuanceQueue(db)).map((r) => r.status)).toEqual(['approved']);
  const r = await ok({ type: 'certificateIssued', caseId, number: '', external: false });
  return r.state!.certificate!.number;
}

const ratingOf = (overall: RatingLevel, over: Partial<Command> = {}) =>
  ({
    type: 'ratingRecorded',
    caseId: 'c1',
    ratingId: `r-${overall}`,
    channel: 'device',
    overall,
    place: placeHJ02,
    ...(overall <= 2 ? { reasons: ['slow', 'attitude'] } : {}),
    ...over,
  }) as Extract<Command, { type: 'ratingRecorded' }>;

describe('rating and follow-up', () => {
  it('a bad rating (2) opens one follow-up due in 15 working days, chained in the log', async () => {
    await issuedCase();
    const r = await recordRating(db, ratingOf(2), { actor: actors.device, now });
    expect(r.ok).toBe(true);
    const items = await followUpsOfCase(db, 'c1');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      overall: 2,
      rectifyDueOn: '2026-03-23',
      returnCall: 'pending',
      reasons: ['slow', 'attitude'],
      window: 'HJ02',
      clerkName: '王窗口',
    });
    expect((await db.ledger.get('followUp-r-2'))?.status).toBe('open');
    expect((await verifyLog(db, now)).ok).toBe(true);
  });

  it('a good rating (3) opens no follow-up', async () => {
    await issuedCase();
    expect((await recordRating(db, ratingOf(3), { actor: actors.device, now })).ok).toBe(true);
    expect(await db.ledger.count()).toBe(0);
  });

  it('a refused rating writes neither rating nor follow-up', async () => {
    await issuedCase();
    // Only the rating device records ratings: a clerk is refused, as is a counter rating.
    const r = await recordRating(db, ratingOf(1), { actor: actors.clerk, now });
    expect(r.ok || r.refusal).toEqual({
      code: 'forbidden_role',
      params: { command: 'ratingRecorded', role: 'clerk' },
    });
    expect(await db.ledger.count()).toBe(0);
    expect(((await db.cases.get('c1'))?.state as { ratings: unknown[] }).ratings).toHaveLength(0);
  });
});

describe('certificate standing and verification', () => {
  const b64 = (buf: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buf)));
  async function officeKey() {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const office = {
      spki: b64(await crypto.subtle.exportKey('spki', pair.publicKey)),
      keyId: '0123456789abcdef',
    };
    const sign = async (p: string) => ({
      signature: b64(
        await crypto.subtle.sign(
          { name: 'ECDSA', hash: 'SHA-256' },
          pair.privateKey,
          new TextEncoder().encode(p),
        ),
      ),
    });
    return { office, sign };
  }

  it('current → voided → replaced after reissue; the new one is current', async () => {
    const first = await issuedCase();
    const { office, sign } = await officeKey();
    const payload = await signClaim(
      { v: 1, no: first, t: 'constructionPermit', h: '某公司', d: '2026-03-02', k: office.keyId },
      sign,
    );
    const key = async () => office;
    expect((await verifyCertificate(db, payload, key)).kind).toBe('genuine');
    await ok({ type: 'certificateVoided', caseId: 'c1', reason: '打印错误' }, actors.chief);
    expect(await verifyCertificate(db, payload, key)).toMatchObject({
      kind: 'voided',
      reason: '打印错误',
    });
    const re = await ok({ type: 'certificateReissued', caseId: 'c1', number: '', external: false });
    const second = re.state!.certificate!.number;
    // Gapless: the reissue takes the next number; the voided one is never reused.
    expect(second).toBe('建字第410108202600002号');
    expect(await verifyCertificate(db, payload, key)).toMatchObject({
      kind: 'replaced',
      replacedBy: second,
    });
    expect((await certificateStanding(db, second)).kind).toBe('current');
    expect((await verifyCertificate(db, second, key)).kind).toBe('onRecord');
    // Both records are kept.
    expect(await db.certificates.count()).toBe(2);
  });

  it('a tampered payload is not genuine even when the number is on record', async () => {
    const first = await issuedCase();
    const { office, sign } = await officeKey();
    const payload = await signClaim(
      { v: 1, no: first, t: 'constructionPermit', h: '某公司', d: '2026-03-02', k: office.keyId },
      sign,
    );
    const tampered = payload.replace('某公司', '另一公司');
    expect(await verifyCertificate(db, tampered, async () => office)).toMatchObject({
      kind: 'notGenuine',
      reason: 'bad_signature',
    });
    expect((await verifyCertificate(db, '建字第410108202699999号', async () => office)).kind).toBe(
      'notFound',
    );
  });
});
