// An island claims its own numbers when the join check starts (data/join/joinClaim.ts, docs/hall.md
// "An island's own numbers"): while the check holds the island's push, the hall must not hand its
// certificate numbers out again. Two fake-indexeddb stations and the in-memory hall (the server's
// own number stores). Without the claim, the hall's station A would get certificate 1 — the
// island's — and the push would record a clash.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../renderer/src/data/dispatch';
import { dispatchWithHallNumber } from '../../../../../renderer/src/data/hallNumbers';
import { readJoin } from '../../../../../renderer/src/data/join/joinCheck';
import { claimIslandNumbers } from '../../../../../renderer/src/data/join/joinClaim';
import { settleClash } from '../../../../../renderer/src/data/join/joinSettle';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import type { HallTransport } from '../../../../../renderer/src/data/sync/transport';
import type { Command } from '../../../../../renderer/src/domain';
import { actors } from '../../domain/workflowFixtures';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, takeIn } from './fixtures';
import { adminOf, enrolWith, issued, station, syncAll } from './joinFixtures';

const certRows = (hall: HallModel) =>
  [1, 2, 3].map((q) => {
    const r = hall.leases.rowAt('cert:constructionPermit:2026', q);
    return r && [q, r.stationCode, r.status, r.usedRef];
  });

describe("an island's own numbers claimed at the join check", () => {
  it("are the island's at the hall while the check holds its push; a failed claim retries", async () => {
    const hall = new HallModel();
    // The hall: station A with its administrator `admin` (the island's has that name too).
    const a = await station('HJ01');
    const ta = new ModelTransport(hall, 'HJ01');
    // (It leases no notices yet: its blocks are asked after the island's claim, below.)
    await syncAll(new SyncEngine({ db: a, transport: ta, now: () => NOW, leasePlan: [] }));

    // The island B issued certificates 1 and 2 on its own counter.
    const b = await station('HJ02');
    const adminB = await adminOf(b);
    await issued(b, 'case-b1');
    await issued(b, 'case-b2');
    expect((await b.certificates.toArray()).map((c) => c.number).sort()).toEqual([
      '建字第410108202600001号',
      '建字第410108202600002号',
    ]);
    expect((await enrolWith(b, adminB)).ok).toBe(true);
    const tb = new ModelTransport(hall, 'HJ02');
    const eb = new SyncEngine({ db: b, transport: tb, now: () => NOW });

    // The claim's answer lost: the check stays `checking`, nothing pushed; the next round claims.
    const numbers = tb.numbers.bind(tb);
    let lose = 1;
    tb.numbers = async (args) => {
      if (args.op === 'claim' && lose-- > 0)
        return { ok: false, error: { code: 'unreachable', message: '' } };
      return numbers(args);
    };
    const first = await eb.pushAll();
    expect(first.kind).toBe('retry');
    expect((await readJoin(b))?.status).toBe('checking');
    expect(certRows(hall)).toEqual([undefined, undefined, undefined]);
    expect(await eb.pushAll()).toEqual({ kind: 'held' });
    expect((await readJoin(b))?.clashes.map((c) => c.id)).toEqual(['username:admin']);
    expect(tb.claims.length).toBe(1);
    // Claimed before anything was pushed: the island's 1 and 2 are used by it at the hall.
    expect(hall.events.filter((h) => h.event.stationId === 'HJ02')).toHaveLength(0);
    expect(certRows(hall)).toEqual([
      [1, 'HJ02', 'used', '建字第410108202600001号'],
      [2, 'HJ02', 'used', '建字第410108202600002号'],
      undefined,
    ]);

    // Meanwhile A leases and takes in a case: its notice block starts past the island's 1 and 2;
    // it issues a certificate: the hall gives 3, not the island's 1.
    const ea = new SyncEngine({ db: a, transport: ta, now: () => NOW });
    await syncAll(ea);
    await takeIn(a, 'case-a1');
    for (const [type, actor] of [
      ['review', actors.reviewer],
      ['verify', actors.chief],
      ['approve', actors.director],
    ] as const) {
      const d = await dispatch(a, { type, caseId: 'case-a1', opinion: '同意' } as Command, {
        actor,
        now: NOW,
      });
      expect(d.ok).toBe(true);
    }
    const r = await dispatchWithHallNumber(
      a,
      ta,
      { type: 'certificateIssued', caseId: 'case-a1', number: '', external: false } as Command,
      { actor: actors.clerk, now: NOW },
    );
    expect(r.ok && r.state?.certificate?.number).toBe('建字第410108202600003号');
    expect((await a.documents.toArray()).map((d) => d.number)).toEqual(['惠济规划受〔2026〕3号']);

    // Settled, checked again (claimed again: nothing changes), pushed: no clash recorded.
    const s = await settleClash(
      b,
      adminB,
      { clashId: 'username:admin', decision: 'same_person', note: '' },
      NOW,
    );
    expect(s.ok).toBe(true);
    await syncAll(ea, eb);
    expect((await readJoin(b))?.status).toBe('clear');
    expect(tb.claims.length).toBe(2);
    expect(hall.events.filter((h) => h.event.stationId === 'HJ02').length).toBeGreaterThan(0);
    expect(certRows(hall)).toEqual([
      [1, 'HJ02', 'used', '建字第410108202600001号'],
      [2, 'HJ02', 'used', '建字第410108202600002号'],
      [3, 'HJ01', 'used', '建字第410108202600003号'],
    ]);
    expect(hall.leases.rowAt('doc:acceptance:2026', 2)).toMatchObject({
      stationCode: 'HJ02',
      status: 'used',
      usedRef: '惠济规划受〔2026〕2号',
    });
    expect(hall.leases.clashes).toEqual([]);
  });

  it("claims nothing while the hall holds events under this station's code that are not its own", async () => {
    const b = await station('HJ02');
    await issued(b, 'case-b1');
    const asked: string[] = [];
    const transport = {
      numbers: async (args: { op: string }) => {
        asked.push(args.op);
        return { ok: false as const, error: { code: 'internal' as const, message: '' } };
      },
    } as unknown as Pick<HallTransport, 'numbers'>;
    // Another PC's HJ02 chain at the hall: its event 3 is not this station's.
    const heads = [{ chainId: 'HJ02', seq: 3, hash: 'f'.repeat(64), status: 'open' as const }];
    expect(await claimIslandNumbers(b, transport, 'HJ02', heads)).toEqual({
      ok: true,
      claimed: 0,
      clashes: 0,
      skipped: 'station_code',
    });
    expect(asked).toEqual([]);
    // The hall holds none of it: every number is claimed (certificate 1 and notice 1), and a
    // refusal comes back as it is.
    expect(await claimIslandNumbers(b, transport, 'HJ02', [])).toEqual({
      ok: false,
      error: { code: 'internal', message: '' },
    });
    expect(asked).toEqual(['claim']);
  });
});
