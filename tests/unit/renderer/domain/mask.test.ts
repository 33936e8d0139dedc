import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeCreditCode, makeIdNumber } from '../../../../renderer/src/domain/ids';
import { maskIdNumber, maskPartyCode, maskPhone } from '../../../../renderer/src/domain/mask';
import { mayRevealPersonalData, REVEAL_ROLES } from '../../../../renderer/src/domain/maskReveal';
import { ROLES } from '../../../../renderer/src/domain/roles';
import * as print from '../../../../renderer/src/print';
import * as domain from '../../../../renderer/src/domain';

/** A person's ID number from its parts; overrides say which part a case is about. */
const idOf = (o: { division?: string; birth?: string; seq?: number } = {}) =>
  makeIdNumber(o.division ?? '410105', o.birth ?? '1990-01-01', o.seq ?? 123);

describe('maskIdNumber', () => {
  it('keeps the first four and last four of an 18-character number', () => {
    const id = idOf();
    expect(maskIdNumber(id)).toBe(`4101**********${id.slice(-4)}`);
  });

  it('masks the check character X like any other (the worked example of GB 11643)', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('masks a lower-case x and stray spaces as the clerk meant them', () => {
    // Scanners and hurried typing leave both; the masked form must not reveal the spacing.
    expect(maskIdNumber(' 1101 0519 4912 31002x ')).toBe('1101**********002X');
  });

  it('masks a 15-character legacy number (before 1999) with the same four and four', () => {
    // 15 digits: 6 address + YYMMDD + 3 sequence, no check character.
    expect(maskIdNumber('410105900101123')).toBe('4101*******1123');
  });

  it('stars short values whole: four and four would show all or most of them', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskIdNumber('1')).toBe('*');
  });

  it('gives an empty string for an empty or blank value (nothing to show, nothing to star)', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('   ')).toBe('');
  });

  it('never shows the birth date of a real number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('410108', '410105', '110105'),
        fc.date({ min: new Date('1930-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (division, birth, seq) => {
          const id = idOf({ division, birth: birth.toISOString().slice(0, 10), seq });
          const masked = maskIdNumber(id);
          expect(masked).toHaveLength(18);
          expect(masked).not.toContain(id.slice(6, 14));
          expect(masked.slice(4, -4)).toMatch(/^\*{10}$/);
        },
      ),
    );
  });
});

describe('maskPhone', () => {
  it('keeps the carrier prefix and the last four of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks a mobile written with the country code the same way, keeping the code', () => {
    expect(maskPhone('+8613812345678')).toBe('+86138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });

  it('keeps only the last four of a landline: the exchange digits would locate it', () => {
    expect(maskPhone('0371-63501234')).toBe('*********1234');
    expect(maskPhone('037168888888')).toBe('********8888');
  });

  it('stars short and empty values whole', () => {
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskPartyCode', () => {
  it('leaves a credit code whole: it is public, printed on the business licence', () => {
    const credit = makeCreditCode('91410108MA44XY123');
    expect(maskPartyCode('enterprise', credit)).toBe(credit);
  });

  it("masks a person's ID number", () => {
    const id = idOf({ seq: 7 });
    expect(maskPartyCode('person', id)).toBe(maskIdNumber(id));
    expect(maskPartyCode('person', id)).not.toBe(id);
  });
});

describe('one implementation', () => {
  it('the domain and the papers call the same functions', () => {
    // Two helpers used to disagree on short values; now there is only one to call.
    expect(domain.maskIdNumber).toBe(maskIdNumber);
    expect(domain.maskPhone).toBe(maskPhone);
    expect(print.maskIdNumber).toBe(maskIdNumber);
    expect(print.maskPhone).toBe(maskPhone);
  });
});

describe('who may reveal', () => {
  it('the counter roles may, the reviewer may not', () => {
    expect(ROLES.filter(mayRevealPersonalData)).toEqual(['clerk', 'chief', 'director', 'admin']);
    expect(REVEAL_ROLES).not.toContain('reviewer');
    // A role the table does not know (a typo in a stored row) is refused, not let through.
    expect(mayRevealPersonalData('Clerk')).toBe(false);
    expect(mayRevealPersonalData('')).toBe(false);
  });
});
