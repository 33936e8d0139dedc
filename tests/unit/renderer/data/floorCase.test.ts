// A queue ticket meets its case: finishing a linked ticket records ticketServed with its waiting
// and serving seconds, the case state carries it, and a retried finish records nothing twice.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { finishTicket, servedFacts } from '../../../../renderer/src/data/floorCase';
import { localFloor } from '../../../../renderer/src/data/floorLocal';
import type { CaseState } from '../../../../renderer/src/domain';
import { intakeOf } from '../domain/workflowFixtures';
import { stationWithStaff } from './helpers';

describe('finishing a ticket linked to a case', () => {
  it('records its waiting and serving time on the case, once', async () => {
    const start = new Date('2026-03-02T01:00:00Z'); // Monday 09:00 in the hall
    const staff = await stationWithStaff(start);
    let clock = start.getTime();
    const now = () => new Date(clock);
    const port = localFloor(staff.db, { now, newId: () => 'tk-1' });
    const windows = [{ id: 'HJ01', number: 1, businesses: ['counselling' as const], green: false }];
    await port.saveSettings({ settings: { maxCalls: 3, windows }, userId: staff.admin.id });
    await port.issueTicket({ business: 'counselling', green: false, requestKey: 'kiosk-1' });
    clock += 750_000; // 12 min 30 s later
    const called = await port.callNext({
      window: 'HJ01',
      clerkId: staff.clerk.id,
      requestKey: 'c-1',
    });
    expect(called.ok && called.value?.number).toBe('A001');
    clock += 60_000;
    await port.serve({ ticketId: 'tk-1', window: 'HJ01', clerkId: staff.clerk.id });
    const accepted = await dispatch(
      staff.db,
      { type: 'accept', caseId: 'case-1', caseNo: '', intake: intakeOf() },
      { actor: staff.clerk, now: now() },
    );
    expect(accepted.ok).toBe(true);
    await port.linkCase({ ticketId: 'tk-1', caseId: 'case-1', clerkId: staff.clerk.id });
    clock += 1_040_000; // 17 min 20 s at the counter
    const req = { ticketId: 'tk-1', window: 'HJ01', actor: staff.clerk };
    const done = await finishTicket(staff.db, port, req, now());
    expect(done).toMatchObject({ ok: true, value: { recorded: 'recorded' } });
    const again = await finishTicket(staff.db, port, req, now());
    expect(again).toMatchObject({ ok: true, value: { recorded: 'already' } });

    const events = await staff.db.events.where('streamId').equals('case:case-1').toArray();
    const served = events.filter((e) => e.type === 'ticketServed');
    expect(served).toHaveLength(1);
    expect(served[0]!.payload).toMatchObject({
      type: 'ticketServed',
      caseId: 'case-1',
      ticketId: 'tk-1',
      number: 'A001',
      business: 'counselling',
      window: 'HJ01',
      clerkId: staff.clerk.id,
      issuedAt: '2026-03-02T01:00:00.000Z',
      firstCalledAt: '2026-03-02T01:12:30.000Z',
      servingFrom: '2026-03-02T01:13:30.000Z',
      finishedAt: '2026-03-02T01:30:50.000Z',
      calls: 1,
      waitingSeconds: 750,
      servingSeconds: 1040,
      on: '2026-03-02',
    });
    const state = (await staff.db.cases.get('case-1'))!.state as CaseState;
    expect(state.tickets).toEqual([
      {
        ticketId: 'tk-1',
        number: 'A001',
        business: 'counselling',
        window: 'HJ01',
        clerkId: staff.clerk.id,
        issuedAt: '2026-03-02T01:00:00.000Z',
        finishedAt: '2026-03-02T01:30:50.000Z',
        waitingSeconds: 750,
        servingSeconds: 1040,
        on: '2026-03-02',
      },
    ]);
  });

  it('a ticket not yet finished has no facts; one without a case records nothing', async () => {
    const start = new Date('2026-03-02T01:00:00Z');
    const staff = await stationWithStaff(start);
    const port = localFloor(staff.db, { now: () => start, newId: () => 'tk-2' });
    const windows = [{ id: 'HJ01', number: 1, businesses: ['enquiry' as const], green: false }];
    await port.saveSettings({ settings: { maxCalls: 3, windows }, userId: staff.admin.id });
    const issued = await port.issueTicket({ business: 'enquiry', green: false, requestKey: 'k-2' });
    expect(issued.ok && servedFacts(issued.value.ticket)).toBe(null);
    await port.callNext({ window: 'HJ01', clerkId: staff.clerk.id, requestKey: 'c-2' });
    await port.serve({ ticketId: 'tk-2', window: 'HJ01', clerkId: staff.clerk.id });
    const done = await finishTicket(staff.db, port, {
      ticketId: 'tk-2',
      window: 'HJ01',
      actor: staff.clerk,
    });
    expect(done).toMatchObject({ ok: true, value: { recorded: 'noCase' } });
  });
});
