// The rules of a ticket's rating (domain/ticketRating.ts): only the device records it, once, with
// the ticket it is about; the chief appeals once with a reason, the director decides once after
// an appeal; evolve applies exactly what decide makes and refuses what does not fit.
import { describe, expect, it } from 'vitest';
import {
  decideTicketRating,
  evolveTicketRating,
  type TicketRating,
  type TicketRatingCommand,
} from '../../../../renderer/src/domain/ticketRating';
import { actors } from './workflowFixtures';

const ticket = { ticketId: 't-7', number: 'A007', business: 'counselling' };
const place = { window: 'HJ02', clerkId: 'u-clerk', clerkName: '王窗口' };
const record: TicketRatingCommand = {
  type: 'ratingRecorded',
  ratingId: 'req-1',
  ticket,
  channel: 'device',
  overall: 2,
  place,
  reasons: ['slow', 'slow', 'attitude'],
};
const on = '2026-12-01';

function recorded(): TicketRating {
  const r = decideTicketRating(null, record, actors.device, on);
  if (!r.ok) throw new Error(r.refusal.code);
  return evolveTicketRating(null, r.event)!;
}

describe('a ticket rating', () => {
  it('is recorded by the device with the ticket, the place and the reasons, once', () => {
    const r = decideTicketRating(null, record, actors.device, on);
    expect(r).toEqual({
      ok: true,
      event: {
        type: 'ledger.ticket_rating_recorded',
        ratingId: 'req-1',
        ticket,
        channel: 'device',
        overall: 2,
        bad: true,
        place: { ...place, ticketId: 't-7' },
        reasons: ['slow', 'attitude'],
        on,
      },
    });
    expect(recorded()).toEqual({
      ratingId: 'req-1',
      ticket,
      channel: 'device',
      overall: 2,
      bad: true,
      on,
      place: { ...place, ticketId: 't-7' },
      reasons: ['slow', 'attitude'],
    });
    expect(decideTicketRating(recorded(), record, actors.device, on)).toEqual({
      ok: false,
      refusal: { code: 'already_rated' },
    });
  });

  it('is refused from a clerk’s screen, whatever the permission table says', () => {
    for (const role of ['clerk', 'chief', 'director', 'admin'] as const)
      expect(decideTicketRating(null, record, actors[role], on)).toEqual({
        ok: false,
        refusal: { code: 'forbidden_role', params: { command: 'ratingRecorded', role } },
      });
    const open = { ratingRecorded: ['clerk', 'device'] } as never;
    const table = {
      appealRating: ['chief'],
      decideRatingAppeal: ['director'],
      ...(open as object),
    };
    expect(decideTicketRating(null, record, actors.clerk, on, table as never)).toEqual({
      ok: false,
      refusal: { code: 'rating_not_from_device' },
    });
  });

  it('needs the ticket and a level 1–5; reasons only for a bad one', () => {
    const bad = (cmd: object) =>
      decideTicketRating(null, { ...record, ...cmd } as TicketRatingCommand, actors.device, on);
    expect(bad({ ticket: { ...ticket, number: '' } })).toEqual({
      ok: false,
      refusal: { code: 'invalid_rating' },
    });
    expect(bad({ overall: 6 })).toMatchObject({ ok: false, refusal: { code: 'invalid_rating' } });
    expect(bad({ overall: 4 })).toMatchObject({ ok: false, refusal: { code: 'invalid_rating' } });
    expect(bad({ overall: 4, reasons: [] })).toMatchObject({ ok: true });
  });

  it('is appealed by the chief once, decided by the director once, after an appeal', () => {
    const appeal = {
      type: 'appealRating',
      ratingId: 'req-1',
      reason: '经查看录像，系误触',
    } as const;
    const decision = {
      type: 'decideRatingAppeal',
      ratingId: 'req-1',
      outcome: 'upheld',
      reason: '录像属实',
    } as const;
    expect(decideTicketRating(recorded(), decision, actors.director, on)).toEqual({
      ok: false,
      refusal: { code: 'not_appealed' },
    });
    expect(decideTicketRating(recorded(), appeal, actors.clerk, on)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden_role' },
    });
    expect(decideTicketRating(recorded(), { ...appeal, reason: '误触' }, actors.chief, on)).toEqual(
      { ok: false, refusal: { code: 'appeal_reason_required', params: { min: 4, max: 500 } } },
    );
    expect(decideTicketRating(null, appeal, actors.chief, on)).toEqual({
      ok: false,
      refusal: { code: 'rating_not_found' },
    });
    const a = decideTicketRating(recorded(), appeal, actors.chief, '2026-12-02');
    if (!a.ok) throw new Error(a.refusal.code);
    const appealed = evolveTicketRating(recorded(), a.event)!;
    expect(appealed.appeal).toEqual({
      reason: '经查看录像，系误触',
      by: actors.chief,
      on: '2026-12-02',
    });
    expect(decideTicketRating(appealed, appeal, actors.chief, on)).toEqual({
      ok: false,
      refusal: { code: 'already_appealed' },
    });
    const d = decideTicketRating(appealed, decision, actors.director, '2026-12-03');
    if (!d.ok) throw new Error(d.refusal.code);
    const decided = evolveTicketRating(appealed, d.event)!;
    expect(decided.appeal?.decision).toEqual({
      outcome: 'upheld',
      reason: '录像属实',
      by: actors.director,
      on: '2026-12-03',
    });
    // The rating itself is kept as it was: nothing is deleted.
    expect([decided.overall, decided.bad, decided.ticket]).toEqual([2, true, ticket]);
    expect(decideTicketRating(decided, decision, actors.director, on)).toEqual({
      ok: false,
      refusal: { code: 'appeal_decided' },
    });
    // The fold refuses what decide would: a second decision changes nothing.
    expect(evolveTicketRating(decided, d.event)).toBeNull();
    if (!a.ok) return;
    expect(evolveTicketRating(null, a.event)).toBeNull();
  });
});
