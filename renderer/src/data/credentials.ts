// Password hashes beside their events (issue 17 item 2). The audit text — an event's payload,
// hashed into the chain and served to every station — never holds a secret (the user payloads
// are strict). So the hash a `user.created` or `user.password_reset` event set is kept beside
// it, in `meta` under `credential:<event id>`, written in the same transaction as the event and
// the users row; the push sends it beside the event, the hall keeps it in its `credentials`
// table and serves it with the pull to the other enrolled stations, which keep it here the same
// way and fold it into their users table (foldProjectors.ts `users`). A station that ran alone
// keeps its credentials too, so joining a hall later needs nothing by hand.
import { CREDENTIAL_EVENT_TYPES, type Credential } from '../../../server/protocol';
import type { OneWindowDb } from './db';
import type { StoredEvent } from './eventTypes';

export const CREDENTIAL_PREFIX = 'credential:';
const keyOf = (eventId: string) => `${CREDENTIAL_PREFIX}${eventId}`;

interface CredentialValue {
  userId: string;
  hash: string;
}

/** Inside the writer's transaction over meta: the hash the event `eventId` set for `userId`. */
export async function recordCredential(
  db: OneWindowDb,
  event: Pick<StoredEvent, 'id'>,
  userId: string,
  hash: string,
): Promise<void> {
  await db.meta.put({ key: keyOf(event.id), value: { userId, hash } satisfies CredentialValue });
}

/** Credentials that arrived with a pull; inside the pull's transaction over meta. */
export async function keepCredentials(
  db: OneWindowDb,
  credentials: readonly Credential[],
): Promise<void> {
  if (credentials.length === 0) return;
  await db.meta.bulkPut(
    credentials.map((c) => ({
      key: keyOf(c.eventId),
      value: { userId: c.userId, hash: c.hash } satisfies CredentialValue,
    })),
  );
}

/** The credentials of those events that may carry one, for a push (in the events' order). */
export async function credentialsOf(
  db: OneWindowDb,
  events: readonly Pick<StoredEvent, 'id' | 'type'>[],
): Promise<Credential[]> {
  const ids = events.filter((e) => CREDENTIAL_EVENT_TYPES.includes(e.type)).map((e) => e.id);
  if (ids.length === 0) return [];
  const rows = await db.meta.bulkGet(ids.map(keyOf));
  return ids.flatMap((eventId, i) => {
    const v = rows[i]?.value as CredentialValue | undefined;
    return v ? [{ eventId, userId: v.userId, hash: v.hash }] : [];
  });
}

/** The hashes by event id, for the fold of the users table (Kept.credentials). */
export async function credentialHashes(
  db: OneWindowDb,
  events: readonly Pick<StoredEvent, 'id' | 'type'>[],
): Promise<Map<string, string>> {
  return new Map((await credentialsOf(db, events)).map((c) => [c.eventId, c.hash]));
}
