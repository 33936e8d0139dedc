// Hall users of one sign-in name that this station left out (issue 17 item 2; the pull's apply,
// sync/staff.ts, lists them under meta `hall:userClashes`). Two stations set up with the same
// administrator's name, or two administrators creating one name at the same moment on two
// stations: every station keeps one account under the name and leaves the other out — that
// person cannot sign in here. Nothing is lost: the administrator sees each one on the users
// screen and renames one of the two accounts hall-wide, as a `user.renamed` event (reason
// `clash`) in that user's stream. The account renamed is the later of the two in the hall order
// — the one every station but its own leaves out — so the person every station knows under the
// name keeps it. Applied here at once (the left-out account arrives under its new name, or,
// when this station's own account is the later one, the other arrives under the name) and on
// every other station when it pulls the event (applyUsers folds the listed users again).
// Like every user change: an administrator as stored, and only while the hall answers.
import { AuthError } from './authErrors';
import type { OneWindowDb, UserRow } from './db';
import type { EventActor, StoredEvent } from './eventTypes';
import { requireHallOnline } from './hallPresence';
import { append } from './log';
import { isUsername, normaliseUsername } from './station';
import { hallOrder } from './sync/order';
import { applyUsers, readUserClashes } from './sync/staff';
import { requireAdmin, requireStation } from './users';

export interface ClashAccount {
  id: string;
  /** The display name (姓名); the id when the hall's events do not name one. */
  name: string;
  role: string;
  /** The station that created the account, and when (its clock). */
  stationId: string;
  createdAt: string;
}

export interface ShownUserClash {
  username: string;
  /** The account this station holds under the name. */
  held: ClashAccount;
  /** The hall's account this station leaves out. */
  leftOut: ClashAccount;
  /** The account a rename is for: the later of the two in the hall order. */
  renameId: string;
}

/** The user's events in the hall order (what the account is now, as the hall says). */
async function streamOf(db: OneWindowDb, userId: string): Promise<StoredEvent[]> {
  return (await db.events.where('streamId').equals(`user:${userId}`).toArray()).sort(hallOrder);
}

function accountOf(id: string, events: readonly StoredEvent[], row?: UserRow): ClashAccount {
  const created = events.find((e) => e.type === 'user.created');
  const p = created?.payload ?? {};
  let role = row?.role ?? String(p['role'] ?? '');
  if (!row)
    for (const e of events) if (e.type === 'user.role_changed') role = String(e.payload['to']);
  return {
    id,
    name: row?.name ?? (String(p['name'] ?? '') || id),
    role,
    stationId: created?.stationId ?? '',
    createdAt: created?.at ?? '',
  };
}

/** The later of the two accounts' creations in the hall order. */
function laterOf(a: readonly StoredEvent[], b: readonly StoredEvent[], ids: [string, string]) {
  const ca = a.find((e) => e.type === 'user.created');
  const cb = b.find((e) => e.type === 'user.created');
  if (!ca) return ids[0];
  if (!cb) return ids[1];
  return hallOrder(ca, cb) > 0 ? ids[0] : ids[1];
}

async function shown(db: OneWindowDb): Promise<ShownUserClash[]> {
  const list = await readUserClashes(db);
  return Promise.all(
    list.map(async (c) => {
      const [heldEvents, leftEvents, heldRow] = await Promise.all([
        streamOf(db, c.heldId),
        streamOf(db, c.arrivingId),
        db.users.get(c.heldId),
      ]);
      return {
        username: c.username,
        held: accountOf(c.heldId, heldEvents, heldRow),
        leftOut: accountOf(c.arrivingId, leftEvents),
        renameId: laterOf(heldEvents, leftEvents, [c.heldId, c.arrivingId]),
      };
    }),
  );
}

export type UserClashesResult =
  { ok: true; clashes: ShownUserClash[] } | { ok: false; code: 'forbidden' };

/** The left-out hall users, for an administrator (as stored). */
export async function listUserClashes(
  db: OneWindowDb,
  actor: EventActor,
): Promise<UserClashesResult> {
  return db.transaction('r', [db.users, db.events, db.meta], async () => {
    const me = await db.users.get(actor.id);
    if (!me || me.disabled === 1 || me.role !== 'admin') return { ok: false, code: 'forbidden' };
    return { ok: true, clashes: await shown(db) };
  });
}

export interface ClashRenamed {
  userId: string;
  name: string;
  from: string;
  to: string;
}

/**
 * Renames the later account of the clash listed for `arrivingId` to `username`, hall-wide.
 * Refused: not an administrator (`forbidden`), the hall not answering (`hall_offline`), no such
 * clash (`not_found`), a name that is no username (`invalid`, field username), a name held here
 * (`duplicate_username`).
 */
export async function renameClashedUser(
  db: OneWindowDb,
  actor: EventActor,
  input: { arrivingId: string; username: string },
  options: { now?: Date } = {},
): Promise<ClashRenamed> {
  const now = options.now ?? new Date();
  const to = normaliseUsername(input.username);
  return db.transaction('rw', [db.events, db.meta, db.users], async () => {
    // A rename is a change of an existing user, as a role change is (the permission table).
    const station = await requireStation(db);
    const admin = await requireAdmin(db, actor, 'userRoleChanged');
    await requireHallOnline(db, now);
    const clash = (await shown(db)).find((c) => c.leftOut.id === input.arrivingId);
    if (!clash) throw new AuthError('not_found');
    if (!isUsername(to)) throw new AuthError('invalid', 'username');
    if (to === clash.username || (await db.users.where('username').equals(to).count()) > 0)
      throw new AuthError('duplicate_username', 'username');
    const target = clash.renameId === clash.held.id ? clash.held : clash.leftOut;
    await append(
      db,
      station,
      `user:${target.id}`,
      [{ type: 'user.renamed', payload: { from: clash.username, to, reason: 'clash' } }],
      { id: admin.id, name: admin.name, role: admin.role },
      now,
    );
    // The stream folded again: the renamed account is written under its new name, the other
    // under the name, and the clash leaves the list.
    await applyUsers(db, [`user:${target.id}`]);
    return { userId: target.id, name: target.name, from: clash.username, to };
  });
}
