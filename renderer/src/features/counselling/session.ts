// A saved counselling session as read back from the `counselling` table, and the 一次性告知单
// built from it. The row's data is the recorded event plus the clerk; it is parsed, not trusted,
// because rows written by an older version (or restored from a backup) may lack fields.
import { z } from 'zod';
import {
  defaultCatalogue,
  findMatter,
  type Catalogue,
  type ChecklistItem,
  type Matter,
} from '../../domain';
import type { CounsellingRow } from '../../data/db';
import { maskPhone } from '../../domain/mask';
import type { OneTimeNoticeData, Office, Officer } from '../../print';
import { checklistOf, questionsOf, type CounsellingForm } from './model';

const sessionSchema = z.object({
  counsellingId: z.string().min(1),
  matterCodes: z.array(z.string()),
  answers: z.record(z.string(), z.string()),
  applicantName: z.string().optional(),
  contactPhone: z.string().optional(),
  notes: z.string().optional(),
  on: z.string(),
  catalogueVersion: z.string().optional(),
  clerk: z.object({ id: z.string(), name: z.string() }).partial().optional(),
});

export type SavedSession = z.infer<typeof sessionSchema>;

export function parseSession(row: CounsellingRow | undefined): SavedSession | null {
  if (!row) return null;
  const parsed = sessionSchema.safeParse(row.data);
  return parsed.success ? parsed.data : null;
}

/** Newest first: by date, then by id (ids carry the time of day, see newCounsellingId). */
export function newestFirst(a: SavedSession, b: SavedSession): number {
  return b.on.localeCompare(a.on) || b.counsellingId.localeCompare(a.counsellingId);
}

export function formOf(s: SavedSession): CounsellingForm {
  return {
    matterCodes: [...s.matterCodes],
    answers: { ...s.answers },
    applicantName: s.applicantName ?? '',
    contactPhone: s.contactPhone ?? '',
    notes: s.notes ?? '',
  };
}

export function mattersOf(s: SavedSession, catalogue: Catalogue = defaultCatalogue): Matter[] {
  return s.matterCodes
    .map((c) => findMatter(catalogue, c))
    .filter((m): m is Matter => m !== undefined);
}

/** Texts of the paper; passed in so the paper is always in the language it is printed in. */
export interface NoticeTexts {
  deferrable: string;
  /** Used when the applicant left no name: the paper still needs an addressee line. */
  noName: string;
}

/** The note column: the standard the item must meet, and whether it may be promised later. */
export function noteOf(item: ChecklistItem, texts: NoticeTexts): string | undefined {
  const parts = [item.standard, item.deferrable ? texts.deferrable : undefined].filter(
    (p): p is string => !!p,
  );
  return parts.length > 0 ? parts.join('；') : undefined;
}

/** Only what the applicant must bring: optional items and ruled-out conditions are left off. */
export function neededItems(matter: Matter, answers: Record<string, string>): ChecklistItem[] {
  return checklistOf(matter, answers).filter((i) => i.needed);
}

export function oneTimeNoticeData(args: {
  session: SavedSession;
  office: Office;
  officer: Officer;
  texts: NoticeTexts;
  catalogue?: Catalogue;
}): OneTimeNoticeData {
  const { session, texts } = args;
  const matters = mattersOf(session, args.catalogue);
  const answers = questionsOf(matters).flatMap((q) => {
    const value = session.answers[q.id];
    const option = q.options.find((o) => o.value === value);
    // The question mark reads badly before the paper's own colon.
    return option ? [{ question: q.text.replace(/[？?]$/, ''), answer: option.label }] : [];
  });
  return {
    sessionNumber: session.counsellingId,
    office: args.office,
    applicantName: session.applicantName || texts.noName,
    contact: session.applicantName ?? '',
    // The notice only has to say whom it was given to: the phone is masked, as on receipts.
    phone: session.contactPhone ? maskPhone(session.contactPhone) : '',
    counselledOn: session.on,
    answers,
    matters: matters.map((m) => ({
      name: m.name,
      promisedLimitDays: m.promisedDays,
      materials: neededItems(m, session.answers).map((i) => {
        const note = noteOf(i, texts);
        return { name: i.name, form: i.form, copies: i.copies, ...(note ? { note } : {}) };
      }),
    })),
    officer: args.officer,
  };
}
