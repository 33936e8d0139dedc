// The register of numbers (编号登记, issue 17 item 1) as the administrator reads it: every hall-wide
// series with its counts and any seq without a record, one series' numbers (used by which case or
// document on which station, voided why and by whom, reserved or leased), and what this station
// holds free. The hall answers it (GET /v1/numbers/register); only an administrator, as stored,
// may ask — checked here, against the users table.
import type { RegisterResponse } from '../../../server/protocol';
import type { OneWindowDb } from './db';
import { heldLocally, type LeaseHolding, type NumbersTransport } from './numberLeases';

export type RegisterResult =
  | { ok: true; register: RegisterResponse; local: LeaseHolding[] }
  | { ok: false; code: 'forbidden' | 'hall_offline' | 'not_enrolled' | 'refused'; detail?: string };

const AWAY = new Set(['unreachable', 'rate_limited', 'internal', 'restoring', 'bad_response']);

export async function numberRegister(
  db: OneWindowDb,
  transport: NumbersTransport,
  actor: { id: string },
  series?: string,
): Promise<RegisterResult> {
  const me = await db.users.get(actor.id);
  if (!me || me.disabled === 1 || me.role !== 'admin') return { ok: false, code: 'forbidden' };
  const answer = await transport.numbers({ op: 'register', ...(series ? { series } : {}) });
  if (!answer.ok) {
    if (AWAY.has(answer.error.code)) return { ok: false, code: 'hall_offline' };
    if (answer.error.code === 'not_enrolled') return { ok: false, code: 'not_enrolled' };
    return { ok: false, code: 'refused', detail: answer.error.code };
  }
  if (answer.response.op !== 'register')
    return { ok: false, code: 'refused', detail: 'bad_response' };
  return { ok: true, register: answer.response.register, local: await heldLocally(db) };
}
