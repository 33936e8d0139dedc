// The hall server process SIGKILLed in the middle of a certificate number allocation, on real
// PostgreSQL: the test holds the station's row (FOR UPDATE), so the allocation waits inside its
// transaction after it took last_seq + 1 (the allocation's foreign key check waits for that
// row); the server dies, PostgreSQL rolls it back. No number is lost: a new server gives the
// retry with the same request key the next number, and the same number again after that.
import { expect, it } from 'vitest';
import { killTestHall, post } from './serverProcess';

const hall = killTestHall();

const state = async () => ({
  series: await hall.db().query('SELECT series_id, last_seq FROM series ORDER BY series_id'),
  allocations: await hall.db().query('SELECT seq, request_key FROM allocations ORDER BY seq'),
});

const ask = (caseId: string, attempt: string) => ({
  requestKey: `${caseId}:certificateIssued:${attempt}`,
  certType: 'constructionPermit',
  year: 2026,
  caseId,
});

it('a server SIGKILLed mid-allocation loses no number; the retry gets it, once', async () => {
  const first = await hall.start();
  const { session } = await hall.enrol(first.base);
  const token = await session(first.base);
  expect(
    (await post(first.base, '/numbers/certificate', ask('c1', 'a1'), token)).json,
  ).toMatchObject({ seq: 1, replayed: false });

  // Hold the station's row: the next allocation takes last_seq + 1, then waits in its INSERT
  // (last_seq + 1 taken, its row waiting to go in); the server dies there.
  await hall.killWhileWaiting(first, {
    hold: "SELECT code FROM stations WHERE code = 'HJ01' FOR UPDATE",
    waitingIn: 'INSERT INTO allocations',
    request: () => post(first.base, '/numbers/certificate', ask('c2', 'b1'), token),
  });
  expect(await state()).toEqual({
    series: [{ series_id: 'cert:constructionPermit:2026', last_seq: 1 }],
    allocations: [{ seq: 1, request_key: 'c1:certificateIssued:a1' }],
  });

  const second = await hall.start();
  const token2 = await session(second.base);
  expect(
    (await post(second.base, '/numbers/certificate', ask('c2', 'b1'), token2)).json,
  ).toMatchObject({ seq: 2, replayed: false });
  expect(
    (await post(second.base, '/numbers/certificate', ask('c2', 'b1'), token2)).json,
  ).toMatchObject({ seq: 2, replayed: true });
  expect(await state()).toEqual({
    series: [{ series_id: 'cert:constructionPermit:2026', last_seq: 2 }],
    allocations: [
      { seq: 1, request_key: 'c1:certificateIssued:a1' },
      { seq: 2, request_key: 'c2:certificateIssued:b1' },
    ],
  });
  second.child.kill('SIGTERM');
}, 90_000);
