// The event registry and the append door: a bad payload or an unknown type is refused with the
// type named and nothing written (the caller's transaction aborts); every type the app writes is
// registered; new names follow the rule; only the door writes the log (ESLint).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import {
  EVENT_REGISTRY,
  EVENT_SCHEMA,
  EventRefused,
  LEGACY_TYPES,
  NEW_TYPE_NAME,
  type EventType,
} from '../../../../renderer/src/data/eventRegistry';
import { append, readHead } from '../../../../renderer/src/data/log';
import type { Command } from '../../../../renderer/src/domain';
import { acceptOf, actors } from '../domain/workflowFixtures';
import { clerk, station, stationDb } from './helpers';

let db: OneWindowDb;
afterEach(() => db?.close());
const now = new Date('2026-03-02T02:00:00Z');

async function refusalOf(p: Promise<unknown>): Promise<EventRefused> {
  try {
    await p;
  } catch (e) {
    if (e instanceof EventRefused) return e;
    throw e;
  }
  throw new Error('expected EventRefused');
}

describe('the append door', () => {
  it('refuses a payload that does not fit its type, names the type, and writes nothing', async () => {
    db = await stationDb(now);
    const events = await db.events.count();
    const head = await readHead(db);
    const refused = await refusalOf(
      db.transaction('rw', [db.events, db.meta, db.cases], async () => {
        // A write of the same transaction before the refused append is rolled back with it.
        await db.meta.put({ key: 'probe', value: 1 });
        await append(
          db,
          station,
          'documents',
          [{ type: 'documentNumberAllocated', payload: { docType: 'acceptance', caseId: 'c1' } }],
          clerk,
          now,
        );
      }),
    );
    expect(refused.eventType).toBe('documentNumberAllocated');
    expect(refused.message).toMatch(/^event "documentNumberAllocated" refused: number: /);
    expect(refused.problems).toHaveLength(1);
    expect(await db.events.count()).toBe(events);
    expect(await readHead(db)).toEqual(head);
    expect(await db.meta.get('probe')).toBeUndefined();
  });

  it('refuses an unknown type, and a secret slipped into a user event', async () => {
    db = await stationDb(now);
    const events = await db.events.count();
    const unknown = await refusalOf(
      db.transaction('rw', [db.events, db.meta], () =>
        append(db, station, 'x', [{ type: 'noted' as EventType, payload: {} }], clerk, now),
      ),
    );
    expect(unknown.message).toBe('event "noted" refused: unknown event type');
    const secret = await refusalOf(
      db.transaction('rw', [db.events, db.meta], () =>
        append(
          db,
          station,
          'user:u1',
          [
            {
              type: 'user.created',
              payload: { id: 'u1', username: 'li', name: '李', role: 'clerk', passwordHash: 'x' },
            },
          ],
          clerk,
          now,
        ),
      ),
    );
    expect(secret.eventType).toBe('user.created');
    expect(secret.problems.join()).toContain('passwordHash');
    expect(await db.events.count()).toBe(events);
  });

  it('writes new events with envelope version 2 and their chain; dispatch goes through it', async () => {
    db = await stationDb(now);
    const accept = { ...(acceptOf() as Extract<Command, { type: 'accept' }>), caseId: 'c1' };
    const r = await dispatch(db, { ...accept, caseNo: '' }, { actor: actors.clerk, now });
    expect(r.ok).toBe(true);
    const stored = await db.events.orderBy('pos').toArray();
    expect(stored.map((e) => [e.id, e.schema, e.chainId, e.type])).toEqual([
      ['HJ01-1', EVENT_SCHEMA, 'HJ01', 'station.set_up'],
      ['HJ01-2', EVENT_SCHEMA, 'HJ01', 'user.created'],
      ['HJ01-3', EVENT_SCHEMA, 'HJ01', 'caseAccepted'],
      // The acceptance notice's number, recorded in the same dispatch.
      ['HJ01-4', EVENT_SCHEMA, 'HJ01', 'documentNumberAllocated'],
    ]);
  });
});

describe('the registry', () => {
  it('registers every type literal the data layer appends', () => {
    const dir = join(__dirname, '../../../../renderer/src/data');
    const written = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const src = readFileSync(join(dir, file), 'utf8');
      // `{ type: 'x', payload … }`, ledger changes `event: 'x'`, and unions of session types.
      for (const m of src.matchAll(/type: '([\w.]+)',\s*payload/g)) written.add(m[1]!);
      for (const m of src.matchAll(/\bevent: '([\w.]+)'/g)) written.add(m[1]!);
      for (const m of src.matchAll(/type: ('auth\.[\w.]+'(?: \| '[\w.]+')*)/g))
        for (const t of m[1]!.matchAll(/'([\w.]+)'/g)) written.add(t[1]!);
    }
    expect(written.size).toBeGreaterThan(25);
    expect([...written].filter((t) => !(t in EVENT_REGISTRY))).toEqual([]);
  });

  it('keeps legacy names frozen and holds every new name to the rule', () => {
    for (const t of LEGACY_TYPES) expect(EVENT_REGISTRY, t).toHaveProperty([t]);
    const fresh = Object.keys(EVENT_REGISTRY).filter((t) => !LEGACY_TYPES.includes(t));
    expect(fresh).toContain('chain.opened');
    expect(fresh.filter((t) => !NEW_TYPE_NAME.test(t))).toEqual([]);
    expect(NEW_TYPE_NAME.test('caseAccepted')).toBe(false);
    expect(NEW_TYPE_NAME.test('settings.calendarChanged')).toBe(false);
  });
});

describe('the lint rule of the door', () => {
  const lint = async (code: string, filePath: string) => {
    const eslint = new ESLint({ cwd: join(__dirname, '../../../..') });
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages
      .filter((m) => m.ruleId === 'no-restricted-syntax')
      .map((m) => m.message);
  };
  const code = `import { chainSync } from '../domain/audit';
export const f = (db: { events: { bulkAdd: (x: unknown) => void } }) => db.events.bulkAdd(chainSync);
`;

  it('refuses a write of the log or the chain hash outside data/log.ts, allows it inside', async () => {
    expect(await lint(code, 'renderer/src/data/ledgers.ts')).toEqual([
      'Events are chained by the append door (data/log.ts) only.',
      'Only the append door (data/log.ts) writes the event log: call append().',
    ]);
    expect(await lint(code, 'renderer/src/data/log.ts')).toEqual([]);
  }, 30_000);
});
