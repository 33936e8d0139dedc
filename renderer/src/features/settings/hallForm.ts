// The enrolment form of 设置 › 大厅同步 as data: what a person typed, cleaned up the way they
// would expect (the code in capitals with its dashes, the fingerprint with or without colons),
// and each field's problem as a locale key of sync.json — so every wrong input has its sentence.
import {
  checkHallAddress,
  enrolCodeSchema,
  normaliseFingerprint,
} from '../../../../electron/contract-hall';
import type { StationKind } from '../../../../server/protocol';

export interface HallForm {
  serverUrl: string;
  label: string;
  kind: StationKind;
  code: string;
  fingerprint: string;
}

export const emptyHallForm: HallForm = {
  serverUrl: '',
  label: '',
  kind: 'counter',
  code: '',
  fingerprint: '',
};

export type HallField = keyof HallForm;

/** 'abcd efgh jk23', 'ABCDEFGHJK23' → 'ABCD-EFGH-JK23'; anything else as typed, in capitals. */
export function normaliseEnrolCode(text: string): string {
  const bare = text.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{12}$/.test(bare)
    ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`
    : text.trim().toUpperCase();
}

/** Whether this host compares the fingerprint itself (Electron), for an https address. */
export function needsFingerprint(serverUrl: string, hostPins: boolean): boolean {
  const a = checkHallAddress(serverUrl);
  return hostPins && a.ok && a.secure;
}

/** The address alone (the "check server" button needs no more). */
export function addressProblem(serverUrl: string): string | null {
  if (serverUrl.trim() === '') return 'settings.problem.serverUrlEmpty';
  const a = checkHallAddress(serverUrl);
  return a.ok ? null : `settings.error.${a.code}`;
}

/**
 * Every field's problem (locale keys), empty when the form can be sent. `seen` is the
 * fingerprint the server showed, when known: a typed one that differs stops the enrolment here.
 */
export function hallFormProblems(
  form: HallForm,
  hostPins: boolean,
  seen: string | null,
): Partial<Record<HallField, string>> {
  const out: Partial<Record<HallField, string>> = {};
  const address = addressProblem(form.serverUrl);
  if (address) out.serverUrl = address;
  const label = form.label.trim();
  if (label.length < 1 || label.length > 60) out.label = 'settings.problem.labelEmpty';
  if (!enrolCodeSchema.safeParse(normaliseEnrolCode(form.code)).success)
    out.code = 'settings.problem.codeFormat';
  if (!address && needsFingerprint(form.serverUrl, hostPins)) {
    const typed = normaliseFingerprint(form.fingerprint);
    if (typed === null) out.fingerprint = 'settings.problem.fingerprintFormat';
    else if (seen !== null && typed !== seen)
      out.fingerprint = 'settings.problem.fingerprintDiffers';
  }
  return out;
}
