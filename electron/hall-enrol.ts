// Before a session: the probe (what hall answers at an address, and the certificate it shows) and
// the enrolment (the single-use code and the station's public key, sent only to the certificate
// the administrator compared; enrolling again stays in the same hall). Both fail with
// HostError('hall', <HallErrorCode>). No Node, no DOM.
import type { z } from 'zod';
import { checkHallAddress, normaliseFingerprint, type hallContract } from './contract-hall';
import {
  expectBody,
  HallCallError,
  hostErrorOf,
  type HallAnswer,
  type HallRequest,
} from './hall-wire';
import {
  API_PREFIX,
  enrolResponseSchema,
  healthResponseSchema,
  PROTOCOL_VERSION,
} from '../server/protocol';
import type { Enrolment } from './hall-client';

type Out<C extends keyof typeof hallContract> = z.output<(typeof hallContract)[C]['result']>;
type In<C extends keyof typeof hallContract> = z.output<(typeof hallContract)[C]['args']>;

export interface HallEnrolDeps {
  send(r: HallRequest): Promise<HallAnswer>;
  keys: { publicKey(): Promise<{ spki: string }> };
  store: { save(e: Enrolment): Promise<void> };
  appVersion: string;
  pinsCertificates: boolean;
  timeoutMs: number;
  now: () => Date;
  /** The enrolment held now (null: none). */
  load(): Promise<Enrolment | null>;
  /** The new enrolment is the one to use from now on (the session token is dropped). */
  enrolledAs(e: Enrolment): void;
}

export async function probeHall(
  d: Pick<HallEnrolDeps, 'send' | 'timeoutMs'>,
  { serverUrl }: In<'hall.probe'>,
): Promise<Out<'hall.probe'>> {
  try {
    const address = checkHallAddress(serverUrl);
    if (!address.ok) throw new HallCallError(address.code, address.code);
    const answer = await d.send({
      base: address.url.origin,
      method: 'GET',
      path: `${API_PREFIX}/health`,
      pin: null,
      timeoutMs: d.timeoutMs,
    });
    const health = expectBody(answer, healthResponseSchema);
    return {
      hallId: health.hallId,
      hallName: health.hallName,
      fingerprint: answer.fingerprint,
      serverTime: health.serverTime,
      protocol: health.protocol,
    };
  } catch (e) {
    throw hostErrorOf(e);
  }
}

export async function enrolStation(
  d: HallEnrolDeps,
  args: In<'hall.enrol'>,
): Promise<Out<'hall.enrol'>> {
  const { send, timeoutMs } = d;
  try {
    const existing = await d.load();
    if (existing && !args.replace) throw new HallCallError('already_enrolled', 'already_enrolled');
    const address = checkHallAddress(args.serverUrl);
    if (!address.ok) throw new HallCallError(address.code, address.code);
    let pin: string | null = null;
    if (address.secure && d.pinsCertificates) {
      // The fingerprint the server printed is what makes the first contact safe: no code
      // and no key is sent to a certificate the administrator did not compare.
      pin = normaliseFingerprint(args.fingerprint ?? '');
      if (pin === null) throw new HallCallError('certificate_mismatch', 'fingerprint_required');
    }
    if (existing) {
      // Enrolling again (a new server certificate, a reinstalled PC) stays in the same hall:
      // this station's records belong to it, another hall must never receive them.
      const health = expectBody(
        await send({
          base: address.url.origin,
          method: 'GET',
          path: `${API_PREFIX}/health`,
          pin,
          timeoutMs,
        }),
        healthResponseSchema,
      );
      if (health.hallId !== existing.hallId) throw new HallCallError('other_hall', 'other_hall');
    }
    const { spki } = await d.keys.publicKey();
    const answer = await send({
      base: address.url.origin,
      method: 'POST',
      path: `${API_PREFIX}/enrol`,
      pin,
      timeoutMs,
      body: JSON.stringify({
        code: args.code,
        stationCode: args.stationCode,
        label: args.label,
        kind: args.kind,
        publicKey: spki,
        appVersion: d.appVersion.slice(0, 40),
        protocol: PROTOCOL_VERSION,
      }),
    });
    const done = expectBody(answer, enrolResponseSchema);
    const record: Enrolment = {
      version: 1,
      serverUrl: address.url.origin,
      hallId: done.hallId,
      hallName: done.hallName,
      stationCode: done.stationCode,
      label: args.label,
      kind: args.kind,
      fingerprint: pin,
      enrolledAt: d.now().toISOString(),
      ...(existing?.bundleKey ? { bundleKey: existing.bundleKey } : {}),
    };
    await d.store.save(record);
    d.enrolledAs(record);
    return {
      hallId: done.hallId,
      hallName: done.hallName,
      fingerprint: pin,
      heads: done.heads,
      serverTime: done.serverTime,
    };
  } catch (e) {
    throw hostErrorOf(e);
  }
}
