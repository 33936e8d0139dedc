import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  describeCreditCode,
  describeIdNumber,
  idNumberCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  isValidMobile,
  isValidProjectCode,
  makeCreditCode,
  makeIdNumber,
  normaliseCode,
} from '../../../../renderer/src/domain/ids';
import { maskIdNumber, maskPhone } from '../../../../renderer/src/domain/mask';

// Every character a clerk could mistype into a code: the credit charset plus look-alikes.
const TYPO_CHARS = `${CREDIT_CODE_CHARSET}IOSVZiosvzx abc-`;

function corruptions(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (const ch of TYPO_CHARS) {
      if (ch !== code[i]) out.push(code.slice(0, i) + ch + code.slice(i + 1));
    }
  }
  return out;
}

const creditBody = fc
  .tuple(
    fc.constantFrom('91', '92', '93', '11', '12', '51', '52', '53'),
    fc.constantFrom('410108', '410105', '110105', '440300'),
    fc.array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 9, maxLength: 9 }),
  )
  .map(([t, d, org]) => `${t}${d}${org.join('')}`);

const idParts = fc.record({
  division: fc.constantFrom('410108', '410102', '110105', '320106'),
  birth: fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
  seq: fc.integer({ min: 0, max: 999 }),
});

describe('credit code (GB 32100)', () => {
  it('accepts a known real code', () => {
    // A published code whose check character is computed by the standard's weights.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('computes 31 → 0: the check char of a body whose weighted sum is ≡ 0 (mod 31) is "0"', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('property: generated codes validate and every single-character corruption fails', () => {
    fc.assert(
      fc.property(creditBody, (body) => {
        const code = makeCreditCode(body);
        expect(isValidCreditCode(code)).toBe(true);
        for (const bad of corruptions(code))
          expect([bad, isValidCreditCode(bad)]).toEqual([bad, false]);
      }),
      { numRuns: 40 },
    );
  });

  it('describes the parts for display, and flags a failing check without hiding the parts', () => {
    const code = makeCreditCode('91410108MA44XY123');
    expect(describeCreditCode(code)).toMatchObject({
      typeCode: '91',
      kind: 'enterprise',
      division: '410108',
      organisationCode: 'MA44XY123',
      checkOk: true,
    });
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(describeCreditCode(wrongCheck)?.checkOk).toBe(false);
    expect(describeCreditCode('91410108')).toBeNull();
  });

  it('rejects wrong lengths and lower case until normalised', () => {
    const code = makeCreditCode('12410100MB0123456');
    expect(isValidCreditCode(code.slice(0, 17))).toBe(false);
    expect(isValidCreditCode(`${code}0`)).toBe(false);
    const lower = code.toLowerCase();
    expect(isValidCreditCode(lower)).toBe(false);
    expect(isValidCreditCode(normaliseCode(` ${lower} `))).toBe(true);
  });
});

describe('resident ID number (GB 11643)', () => {
  it('accepts the example from docs/domain.md', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(describeIdNumber('11010519491231002X')).toEqual({
      division: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
      sequence: '002',
      checkChar: 'X',
      checkOk: true,
    });
  });

  it('property: generated numbers validate and every single-character corruption fails', () => {
    fc.assert(
      fc.property(idParts, ({ division, birth, seq }) => {
        const id = makeIdNumber(division, birth.toISOString().slice(0, 10), seq);
        expect(isValidIdNumber(id)).toBe(true);
        expect(describeIdNumber(id)?.sex).toBe(seq % 2 === 1 ? 'male' : 'female');
        for (const bad of corruptions(id))
          expect([bad, isValidIdNumber(bad)]).toEqual([bad, false]);
      }),
      { numRuns: 40 },
    );
  });

  it('needs a real birth date even when the check character fits', () => {
    // 1990-02-30 does not exist; give it a matching check character to prove the date check bites.
    const body = '41010819900230001';
    expect(isValidIdNumber(body + (idNumberCheckChar(body) as string))).toBe(false);
    const old = '41010818991231001';
    expect(isValidIdNumber(old + (idNumberCheckChar(old) as string))).toBe(false);
  });

  it('rejects a birth date after today when today is given', () => {
    const id = makeIdNumber('410108', '2026-05-01', 11);
    expect(isValidIdNumber(id)).toBe(true);
    expect(isValidIdNumber(id, '2026-04-30')).toBe(false);
    expect(isValidIdNumber(id, '2026-05-01')).toBe(true);
  });
});

describe('project code, mobile, masking', () => {
  it.each([
    ['2026-410108-47-03-000123', true],
    ['2026-410108-47-03-00012', false],
    ['2026/410108-47-03-000123', false],
    ['1999-410108-47-03-000123', false],
    ['2026-41010A-47-03-000123', false],
  ] as const)('project code %s → %s', (code, ok) => {
    expect(isValidProjectCode(code)).toBe(ok);
  });

  it.each([
    ['13812345678', true],
    ['19912345678', true],
    ['12812345678', false],
    ['1381234567', false],
    ['0371-6888888', false],
  ] as const)('mobile %s → %s', (m, ok) => {
    expect(isValidMobile(m)).toBe(ok);
  });

  it('masks ID numbers and phones the way receipts print them', () => {
    expect(maskIdNumber('410108199001011234')).toBe('4101**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('037168888888')).toBe('********8888');
    expect(maskIdNumber('1234')).toBe('****');
  });
});
