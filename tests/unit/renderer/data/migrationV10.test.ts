// Dexie version 10 (issue 17 item 4): a certificate number is no longer unique in the
// `certificates` read table — two stations that issued one number alone both hold it once the
// join check recorded the clash. A database written at v6 opens at v10 with every row as it was,
// and then holds two certificates under one number, found by that number.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  declareVersions,
  OneWindowDb,
  SCHEMA_VERSION,
  type CertificateRow,
} from '../../../../renderer/src/data/db';
import Dexie from 'dexie';

const opened: Dexie[] = [];
afterEach(() => opened.forEach((d) => d.close()));

const cert = (caseId: string): CertificateRow => ({
  id: `${caseId}:建字第410108202600001号`,
  number: '建字第410108202600001号',
  caseId,
  certType: 'jianzhu',
  status: 'current',
  data: { number: '建字第410108202600001号' },
});

describe('schema migrations: v6 → v10 (the join check)', () => {
  it('keeps every certificate row and lets two stations hold one number', async () => {
    const name = `mig-6-10-${Date.now()}`;
    const v6 = new Dexie(name, { indexedDB, IDBKeyRange });
    declareVersions(v6, 6);
    opened.push(v6);
    await v6.open();
    await v6.table('certificates').add(cert('case-a'));
    // At v6 the number is unique: a second certificate under it is refused.
    await expect(v6.table('certificates').add(cert('case-b'))).rejects.toThrow(
      /ConstraintError|unique/i,
    );
    v6.close();

    const v10 = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    opened.push(v10);
    await v10.open();
    expect(v10.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
    expect(await v10.certificates.toArray()).toEqual([cert('case-a')]);
    await v10.certificates.add(cert('case-b'));
    const byNumber = await v10.certificates
      .where('number')
      .equals('建字第410108202600001号')
      .toArray();
    expect(byNumber.map((c) => c.caseId).sort()).toEqual(['case-a', 'case-b']);
  });
});
