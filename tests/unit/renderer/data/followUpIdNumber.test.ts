// A bad rating's follow-up and the applicant's ID number (docs/security.md: no personal data in
// the audit log where it is not needed). The followUpOpened event is hash-chained, served to
// every station of the hall and written into backups and the rebuild: it holds a person's ID
// number masked (4101**********1234) with partyKind, and the case (caseId) leads to the contact.
// Follow-ups opened before hold the full number in their event; the log is never rewritten, but
// every row, screen and ledger reads them masked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { followUpsOfCase, recordRating } from '../../../../renderer/src/data/followUps';
import { maskFollowUpRows } from '../../../../renderer/src/data/followUpMask';
import { supervisionLedger } from '../../../../renderer/src/data/ledgersQueries';
import { append } from '../../../../renderer/src/data/log';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { refoldStreams, refoldTables } from '../../../../renderer/src/data/rebuild';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import type { Command } from '../../../../renderer/src/domain';
import { makeIdNumber } from '../../../../renderer/src/domain/ids';
import { acceptOf, actors, placeHJ02 } from '../domain/workflowFixtures';
import { stationDb } from './helpers';

const ID = makeIdNumber('410108', '1985-03-12', 3);
const MASKED = `4101**********${ID.slice(-4)}`;
let db: OneWindowDb;
const now = new Date('2026-03-02T02:00:00Z');

beforeEach(async () => {
  db = await stationDb(now);
});
afterEach(() => db.close());

async function personCase() {
  const accept = acceptOf({
    applicant: { kind: 'person', name: '李秀英', idNumber: ID },
  }) as Extract<Command, { type: 'accept' }>;
  const r = await dispatch(db, { ...accept, caseNo: '' }, { actor: actors.clerk, now });
  if (!r.ok) throw new Error(JSON.stringify(r.refusal));
}

const badRating = {
  type: 'ratingRecorded',
  caseId: 'c1',
  ratingId: 'r-1',
  channel: 'device',
  overall: 1,
  place: placeHJ02,
  reasons: ['slow'],
} as Extract<Command, { type: 'ratingRecorded' }>;

const ledgerEvents = () => db.events.where('streamId').startsWith('ledger:').toArray();

describe("the follow-up and the applicant's ID number", () => {
  it('the event holds the number masked with the kind; nothing of the ledger shows it', async () => {
    await personCase();
    const r = await recordRating(db, badRating, { actor: actors.device, now });
    expect(r.followUpId).toBe('followUp-r-1');
    const [opened] = await ledgerEvents();
    expect(opened!.type).toBe('followUpOpened');
    expect(opened!.payload).toMatchObject({ partyCode: MASKED, partyKind: 'person', caseId: 'c1' });
    // Not anywhere in the follow-up's event, its row, the ledger or the case's follow-ups.
    expect(JSON.stringify(opened)).not.toContain(ID);
    expect(JSON.stringify(await db.ledger.toArray())).not.toContain(ID);
    const ledger = await supervisionLedger(db);
    expect(ledger.map((row) => [row.data.enterpriseName, row.data.creditCode])).toEqual([
      ['李秀英', ''],
    ]);
    expect(JSON.stringify(ledger)).not.toContain(ID);
    expect((await followUpsOfCase(db, 'c1'))[0]).toMatchObject({ partyCode: MASKED });
    // The case keeps the full number for the task that needs it (intake, the return call).
    expect(JSON.stringify((await db.cases.get('c1'))!.state)).toContain(ID);
    expect((await verifyLog(db, now)).ok).toBe(true);
  });

  it('an enterprise keeps its credit code: public, and the link to its page', async () => {
    const accept = acceptOf() as Extract<Command, { type: 'accept' }>;
    await dispatch(db, { ...accept, caseNo: '' }, { actor: actors.clerk, now });
    await recordRating(db, badRating, { actor: actors.device, now });
    const [opened] = await ledgerEvents();
    const code = (accept.intake.applicant as { creditCode: string }).creditCode;
    expect(opened!.payload).toMatchObject({ partyCode: code, partyKind: 'enterprise' });
    expect((await supervisionLedger(db))[0]!.data.creditCode).toBe(code);
  });

  it('an old event with the number in clear is kept as written, and read masked everywhere', async () => {
    await personCase();
    // As recordRating wrote it before: partyCode the full ID number, no partyKind.
    const fields = {
      caseId: 'c1',
      caseNo: 'HJ01-20260302-0001',
      ratingId: 'r-old',
      overall: 1,
      comment: '',
      applicantName: '李秀英',
      partyCode: ID,
      ratedOn: '2026-03-02',
      rectifyDueOn: '2026-03-23',
      dueEstimated: false,
      returnCall: 'pending',
      rectification: 'pending',
    };
    await db.transaction('rw', [db.events, db.meta], () =>
      append(
        db,
        { stationId: 'HJ01' },
        'ledger:followUp-r-old',
        [
          {
            type: 'followUpOpened',
            payload: { id: 'followUp-r-old', kind: 'followUp', ...fields, basedOn: 0 },
          },
        ],
        actors.device,
        now,
      ),
    );
    // The row as the old writer stored it beside the event.
    await db.ledger.put({
      id: 'followUp-r-old',
      kind: 'followUp',
      status: 'open',
      dueDate: '2026-03-23',
      data: { ...fields, createdAt: now.toISOString(), createdBy: actors.device.name },
    });
    // Screens read it masked, although the stored row still holds the number.
    expect((await supervisionLedger(db))[0]!.data.creditCode).toBe('');
    expect(JSON.stringify(await supervisionLedger(db))).not.toContain(ID);
    expect((await followUpsOfCase(db, 'c1'))[0]!.partyCode).toBe(MASKED);
    // The start's upkeep masks the stored row once; the log is left as it was written.
    expect(await maskFollowUpRows(db)).toBe(1);
    expect(await maskFollowUpRows(db)).toBe(0);
    expect(((await db.ledger.get('followUp-r-old'))!.data as { partyCode: string }).partyCode).toBe(
      MASKED,
    );
    expect(JSON.stringify((await ledgerEvents())[0]!.payload)).toContain(ID);
    expect((await verifyLog(db, now)).ok).toBe(true);
    // The fold of the old event gives the masked row too (a rebuild, a station catching up).
    await db.ledger.delete('followUp-r-old');
    await db.transaction('rw', refoldTables(db).concat(db.meta), () =>
      refoldStreams(db, ['ledger:followUp-r-old']),
    );
    const folded = (await db.ledger.get('followUp-r-old'))!.data as Record<string, unknown>;
    expect(folded).toMatchObject({ partyCode: MASKED, applicantName: '李秀英', caseId: 'c1' });
    expect(JSON.stringify(folded)).not.toContain(ID);
  });
});
