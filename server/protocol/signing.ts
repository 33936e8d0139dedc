// What a station signs for the hall (docs/hall.md "Enrolling a station", "Push"): the session
// challenge and each push, with domain separation so that a signature made for one purpose never
// verifies for another. Plain data only, like the rest of the protocol.
import type { Credential } from './index';

/** The session's challenge–response. */
export const sessionSigningText = (stationCode: string, challengeId: string, nonce: string) =>
  `onewindow-session-v1\n${stationCode}\n${challengeId}\n${nonce}`;

/**
 * A push is signed over its identity and the hash of its last event: the events are chained, so
 * that hash commits to every event of the range and everything before it. Form 2 (issue 17 item
 * 2, docs/hall.md "Push") adds the SHA-256 of the push's credentials in their canonical form
 * (`canonicalCredentials`), so the password hashes beside the user events are signed too; the
 * request says it by carrying `credentialsSha256`. Form 1 (no `credentialsSha256`: stations
 * from before) is still accepted for a push without credentials, and refused for one with them.
 */
export const pushSigningText = (p: {
  pushId: string;
  chainId: string;
  fromSeq: number;
  toSeq: number;
  lastHash: string;
  /** Form 2: SHA-256 (hex) of `canonicalCredentials(credentials)`; absent: form 1. */
  credentialsSha256?: string;
}) =>
  p.credentialsSha256 === undefined
    ? `onewindow-push-v1\n${p.pushId}\n${p.chainId}\n${p.fromSeq}\n${p.toSeq}\n${p.lastHash}`
    : `onewindow-push-v2\n${p.pushId}\n${p.chainId}\n${p.fromSeq}\n${p.toSeq}\n${p.lastHash}\n` +
      p.credentialsSha256;

/** The push signature's newest form, which the session answer announces (`pushSigning`). */
export const PUSH_SIGNING_FORM = 2;

/**
 * The credentials of a push as form 2 of its signature covers them: a JSON array of
 * `[eventId, userId, hash]` triples sorted by eventId (UTF-16 code-unit order), `[]` when there
 * are none. JSON.stringify writes a string the same way on every host, so the station and the
 * hall hash the same bytes (UTF-8) whatever order the credentials travelled in.
 */
export function canonicalCredentials(credentials: readonly Credential[] | undefined): string {
  const rows = [...(credentials ?? [])]
    .sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))
    .map((c) => [c.eventId, c.userId, c.hash]);
  return JSON.stringify(rows);
}

/**
 * A refill (POST /v1/restore/refill, docs/hall.md "Restoring the server") is signed over what it
 * sends: how far the station holds, the gseq range of its events and the SHA-256 of their chain
 * positions and hashes (`canonicalRefillEvents`; each hash commits to its event and, chained,
 * to every one before), the credentials' SHA-256 in the push's canonical form
 * (`canonicalCredentials`) and the held leases' (`canonicalHeldLeases`). A check-in (no events)
 * signs `0` `0` and the hashes of `[]`. Its own domain: a push signature never verifies here.
 */
export const refillSigningText = (p: {
  holds: number;
  fromGseq: number;
  toGseq: number;
  eventsSha256: string;
  credentialsSha256: string;
  leasesSha256: string;
}) =>
  `onewindow-refill-v1\n${p.holds}\n${p.fromGseq}\n${p.toGseq}\n${p.eventsSha256}\n` +
  `${p.credentialsSha256}\n${p.leasesSha256}`;

/** The refill signature's form, which the session answer announces (`refillSigning`). */
export const REFILL_SIGNING_FORM = 1;

/**
 * The events of a refill as its signature covers them: a JSON array of `[gseq, chainId,
 * stationSeq, hash]` in the order sent (chainId: the event's, or its stationId for schema 1).
 */
export function canonicalRefillEvents(
  events: readonly {
    gseq: number;
    event: { chainId?: string; stationId: string; stationSeq: number; hash: string };
  }[],
): string {
  return JSON.stringify(
    events.map((h) => [
      h.gseq,
      h.event.chainId ?? h.event.stationId,
      h.event.stationSeq,
      h.event.hash,
    ]),
  );
}

/** The held leases of a refill's check-in: `[seriesId, [[leaseKey, first, last], …]]` as sent. */
export function canonicalHeldLeases(
  leases:
    | readonly {
        seriesId: string;
        blocks: readonly { leaseKey: string; first: number; last: number }[];
      }[]
    | undefined,
): string {
  return JSON.stringify(
    (leases ?? []).map((h) => [h.seriesId, h.blocks.map((b) => [b.leaseKey, b.first, b.last])]),
  );
}

/** The signing text of a refill, its three canonical forms hashed with the caller's SHA-256. */
export async function refillSigningTextOf(
  r: {
    holds: number;
    events: Parameters<typeof canonicalRefillEvents>[0];
    credentials?: readonly Credential[] | undefined;
    leases?: Parameters<typeof canonicalHeldLeases>[0];
  },
  sha256Hex: (text: string) => string | Promise<string>,
  /** The credentials' hash as the request says it (the hall checks it against the credentials). */
  credentialsSha256?: string,
): Promise<string> {
  return refillSigningText({
    holds: r.holds,
    fromGseq: r.events[0]?.gseq ?? 0,
    toGseq: r.events.at(-1)?.gseq ?? 0,
    eventsSha256: await sha256Hex(canonicalRefillEvents(r.events)),
    credentialsSha256: credentialsSha256 ?? (await sha256Hex(canonicalCredentials(r.credentials))),
    leasesSha256: await sha256Hex(canonicalHeldLeases(r.leases)),
  });
}
