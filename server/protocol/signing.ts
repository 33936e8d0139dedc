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
