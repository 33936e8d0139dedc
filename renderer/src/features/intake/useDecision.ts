// Turning the draft and a decision into a command, dispatching it, and preparing its papers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../../domain';
import { linkAttachments } from '../../data/attachments';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/stores/sessionStore';
import { useCommand, useRefusalText } from '../shared/useCommand';
import type { PrintJob } from '../printing/printService';
import type { DecisionInput } from './DecisionDialogs';
import { useDraftStore } from './draft';
import { asMissingItem, intakeDetailsOf, missingOf } from './model';
import { intakePapers } from './papers';
import { supplementItems } from './SupplementDialog';

export type Outcome =
  | {
      ok: true;
      caseId: string;
      caseNo: string;
      kind: 'accept' | 'supplement' | 'refuse';
      jobs: PrintJob[];
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
    setBusy(true);
    try {
      const r = await run(command, d.renewing?.version);
      if (!r.ok) return { ok: false, message: refusalText(r.refusal) };
      const state = r.state!;
      const db = appDb();
      await linkAttachments(db, state.caseId, d.attachments, currentActor());
      const station = await getStation(db);
      const jobs = station ? await intakePapers(state, station, (k) => t(k)) : [];
      // The decision is recorded: only now may the draft go.
      useDraftStore.getState().clear();
      const kind =
        input.type === 'requestSupplement'
          ? 'supplement'
          : input.type === 'refuse'
            ? 'refuse'
            : 'accept';
      return { ok: true, caseId: state.caseId, caseNo: state.caseNo, kind, jobs };
    } catch (e) {
      return {
        ok: false,
        message: t('decision.failed', { message: e instanceof Error ? e.message : String(e) }),
      };
    } finally {
      setBusy(false);
    }
  };

  return { decide, busy };
}
