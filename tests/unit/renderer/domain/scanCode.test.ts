// The one reader of scanned codes: what a keyboard-emulating scanner types into a search box when
// it reads the receipt's QR code or barcode, with the ways real scanners mangle it.
import { describe, expect, it } from 'vitest';
import { caseQrPayload, readScannedCode } from '../../../../renderer/src/domain';

const NO = 'HJ01-20260302-0007';
/** What a scanner behind a Chinese input method in full-width mode types. */
const fullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('readScannedCode', () => {
  it('reads the QR code the receipt prints', () => {
    expect(caseQrPayload(NO)).toBe('OW-CASE:HJ01-20260302-0007');
    expect(readScannedCode(caseQrPayload(NO))).toEqual({ kind: 'case', caseNo: NO });
  });

  it('reads the barcode, which is the case number alone', () => {
    expect(readScannedCode(NO)).toEqual({ kind: 'case', caseNo: NO });
  });

  it.each([
    ['lower case (caps lock on the scanner)', 'ow-case:hj01-20260302-0007'],
    ['the Enter sent as CR LF', 'OW-CASE:HJ01-20260302-0007\r\n'],
    ['a Tab suffix and spaces around', '  OW-CASE:HJ01-20260302-0007\t'],
    ['a GS control character in front', '\u001dOW-CASE:HJ01-20260302-0007'],
    ['full-width (Chinese input method)', fullWidth('OW-CASE:HJ01-20260302-0007')],
    ['only the colon full-width', 'OW-CASE：HJ01-20260302-0007'],
  ])('reads it through %s', (_why, typed) => {
    expect(readScannedCode(typed)).toEqual({ kind: 'case', caseNo: NO });
  });

  it('says a QR text whose number is cut off or impossible is damaged, not a name', () => {
    expect(readScannedCode('OW-CASE:HJ01-2026030')).toEqual({
      kind: 'badCase',
      text: 'OW-CASE:HJ01-2026030',
    });
    // 2026-13-02 is no date.
    expect(readScannedCode('OW-CASE:HJ01-20261302-0007')?.kind).toBe('badCase');
    expect(readScannedCode('OW-CASE:')?.kind).toBe('badCase');
  });

  it.each([
    ['a name', '郑州宏达置业有限公司'],
    ['a credit code', '91410108MA44XY123U'],
    ['a project code', '2026-410108-70-01-000123'],
    ['a certificate QR', 'OW1.eyJubyI6IuW7uuWtlyJ9.c2ln'],
    ['nothing', ''],
  ])('leaves %s to the ordinary search (null)', (_why, typed) => {
    expect(readScannedCode(typed)).toBeNull();
  });
});
