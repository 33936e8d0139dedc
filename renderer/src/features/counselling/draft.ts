// The unsaved counselling form survives a reload, a crash of the window and the idle lock: it
// is written to localStorage on every change (per user, so the next clerk at the counter does
// not inherit someone else's applicant) and removed once the session is saved.
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { emptyForm, type CounsellingForm } from './model';

export const DRAFT_KEY_PREFIX = 'onewindow.counselling.draft.';

const draftSchema = z.object({
  matterCodes: z.array(z.string()),
  answers: z.record(z.string(), z.string()),
  applicantName: z.string(),
  contactPhone: z.string(),
  notes: z.string(),
});

export function loadDraft(storage: Storage, userId: string): CounsellingForm {
  try {
    const raw = storage.getItem(DRAFT_KEY_PREFIX + userId);
    if (!raw) return emptyForm();
    const parsed = draftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyForm();
  } catch {
    // A damaged draft is worth less than a working screen.
    return emptyForm();
  }
}

const isEmpty = (f: CounsellingForm) =>
  f.matterCodes.length === 0 &&
  Object.keys(f.answers).length === 0 &&
  !f.applicantName &&
  !f.contactPhone &&
  !f.notes;

export function saveDraft(storage: Storage, userId: string, form: CounsellingForm) {
  try {
    if (isEmpty(form)) storage.removeItem(DRAFT_KEY_PREFIX + userId);
    else storage.setItem(DRAFT_KEY_PREFIX + userId, JSON.stringify(form));
  } catch {
    // Storage full or blocked: the form still works, it only will not survive a reload.
  }
}

export function useCounsellingDraft(userId: string) {
  const [form, setFormState] = useState<CounsellingForm>(() =>
    loadDraft(window.localStorage, userId),
  );
  useEffect(() => {
    saveDraft(window.localStorage, userId, form);
  }, [form, userId]);
  const setForm = useCallback(
    (update: (f: CounsellingForm) => CounsellingForm) => setFormState(update),
    [],
  );
  // Written at once, not in the effect: a save clears the form and leaves the screen in one go,
  // and an unmounted form runs no more effects.
  const clear = useCallback(() => {
    saveDraft(window.localStorage, userId, emptyForm());
    setFormState(emptyForm());
  }, [userId]);
  return { form, setForm, clear };
}
