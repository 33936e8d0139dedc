// The hall server process SIGKILLed in the middle of a push, on real PostgreSQL: the push is
// held inside its transaction (the test holds the hall row), the server dies, PostgreSQL rolls
// the transaction back; the head is unchanged, a new server takes the retry, count = max(gseq).
import { expect, it } from 'vitest';
import { killTestHall, post } from './serverProcess';
import { makeEvents, signedPush } from './helpers';

const hall = killTestHall();

const counts = async () =>
  (
    await hall.db().query<{ n: number; max: number | null; last: number; head: number }>(
      `SELECT count(*)::int8 AS n, max(gseq) AS max, (SELECT last_gseq FROM hall) AS last,
         (SELECT head_seq FROM chains WHERE chain_id = 'HJ01') AS head FROM events`,
    )
  )[0];

it('a server SIGKILLed mid-push leaves the head unchanged; the retry succeeds', async () => {
  const first = await hall.start();
  const { station: st, session } = await hall.enrol(first.base);
  const token = await session(first.base);
  const ev = makeEvents('HJ01', 5);
  expect(
    (await post(first.base, '/push', signedPush(st, ev.slice(0, 2)), token)).json,
  ).toMatchObject({
    gseqs: [1, 2],
  });

  // Hold the hall row: the next push waits inside its transaction, past its chain update (its
  // chain locked and its head moved, waiting for the hall); the server dies there.
  await hall.killWhileWaiting(first, {
    hold: 'SELECT last_gseq FROM hall FOR UPDATE',
    waitingIn: 'UPDATE hall SET last_gseq',
    request: () => post(first.base, '/push', signedPush(st, ev.slice(2)), token),
  });
  expect(await counts()).toEqual({ n: 2, max: 2, last: 2, head: 2 });

  const second = await hall.start();
  const retry = await post(
    second.base,
    '/push',
    signedPush(st, ev.slice(2)),
    await session(second.base),
  );
  expect(retry.json).toMatchObject({ accepted: 3, duplicates: 0, gseqs: [3, 4, 5] });
  expect(await counts()).toEqual({ n: 5, max: 5, last: 5, head: 5 });
  second.child.kill('SIGTERM');
}, 90_000);
