// Personal data on receipts is masked (DESIGN.md): enough left to recognise, not to reuse.

/** 410105199001011234 → 4101**********1234; short values keep only their last character. */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  if (v.length <= 8) return v.length <= 1 ? v : '*'.repeat(v.length - 1) + v.slice(-1);
  return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
}

/** 13812345678 → 138****5678; landlines keep the area code and last four digits. */
export function maskPhone(phone: string): string {
  const v = phone.trim();
  if (v.length <= 7) return v.length <= 4 ? v : '*'.repeat(v.length - 4) + v.slice(-4);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}

/** Enterprise codes (统一社会信用代码) are public; only personal ID numbers are masked. */
export function maskPartyCode(kind: 'enterprise' | 'person', code: string): string {
  return kind === 'person' ? maskIdNumber(code) : code;
}
