// Turning the draft and a decision into a command, dispatching it, and preparing its papers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../domain';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { useCommand, useRefusalText } from '../shared/useCommand';
import type { PrintJob } from '../printing/printService';
import type { DecisionInput } from './DecisionDialogs';
import { useDraftStore } from './draft';
import { asMissingItem, intakeDetailsOf, missingOf } from './model';
import { intakePapers } from './papers';
import { supplementItems } from './SupplementDialog';
import { requestRatingFor } from '../rating/requestRating';
import { linkServedTicket } from '../queue/floorStore';
import { currentActor } from '../../app/stores/sessionStore';

export type Outcome =
  | {
      ok: true;
      caseId: string;
      caseNo: string;
      kind: 'accept' | 'supplement' | 'refuse';
      jobs: PrintJob[];
      /** The window whose rating device was asked for the applicant's rating, or null. */
      ratingWindow: string | null;
      /** The decision is recorded but its papers could not be prepared: why. */
      paperError?: string;
    }
  | { ok: false; message: string };

export function useDecision(today: string) {
  const { t } = useTranslation('intake');
  const run = useCommand();
  const refusalText = useRefusalText();
  const [busy, setBusy] = useState(false);

  const decide = async (input: DecisionInput): Promise<Outcome> => {
    const d = useDraftStore.getState().draft;
    const intake = intakeDetailsOf(d, today);
    const base = { caseId: d.caseId, caseNo: d.renewing?.caseNo ?? '', intake };
    const missing = missingOf(d).map(asMissingItem);
    let command: Command;
    switch (input.type) {
      case 'accept':
        command = { type: 'accept', ...base };
        break;
      case 'acceptWithDeficiencies':
        command = {
          type: 'acceptWithDeficiencies',
          ...base,
          deficiencies: missing.filter((m) => m.materialId && input.itemIds.includes(m.materialId)),
          dueOn: input.dueOn,
          commitment: input.commitment,
        };
        break;
      case 'requestSupplement':
        command = {
          type: 'requestSupplement',
          ...base,
          missing: supplementItems(missing, input.requirements),
          dueOn: input.dueOn,
        };
        break;
      case 'refuse':
        command = {
          type: 'refuse',
          ...base,
          ground: input.ground,
          detail: input.detail,
          ...(input.rightAgency !== undefined ? { rightAgency: input.rightAgency } : {}),
        };
        break;
    }
    const kind: 'accept' | 'supplement' | 'refuse' =
      input.type === 'requestSupplement'
        ? 'supplement'
        : input.type === 'refuse'
          ? 'refuse'
          : 'accept';
    const why = (e: unknown) => (e instanceof Error ? e.message : String(e));
    setBusy(true);
    try {
      // One dispatch records the decision, its document number and the scans, all or nothing: a
      // failure leaves nothing behind, and pressing again is the retry.
      const r = await run(command, d.renewing?.version, { attachments: d.attachments });
      if (!r.ok) return { ok: false, message: refusalText(r.refusal) };
      const state = r.state!;
      // The decision is recorded: only now may the draft go.
      useDraftStore.getState().clear();
      // The ticket being served at this window is this applicant's: it now belongs to the case.
      await linkServedTicket(state.caseId, currentActor().id);
      // The applicant at the window rates the service on the window's rating device (一次一评).
      const asked = await requestRatingFor(state);
      const recorded = {
        ok: true as const,
        caseId: state.caseId,
        caseNo: state.caseNo,
        kind,
        ratingWindow: asked?.window ?? null,
      };
      try {
        const db = appDb();
        const station = await getStation(db);
        const jobs = station ? await intakePapers(state, station, r.documents, (k) => t(k)) : [];
        return { ...recorded, jobs };
      } catch (e) {
        // Rendering writes nothing: the case stands, and its papers say what went wrong.
        return {
          ...recorded,
          jobs: [],
          paperError: t('decision.papersFailed', { message: why(e) }),
        };
      }
    } catch (e) {
      return { ok: false, message: t('decision.failed', { message: why(e) }) };
    } finally {
      setBusy(false);
    }
  };

  return { decide, busy };
}
