// Runs a ledger write as the signed-in user and turns a refusal into the user's language.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentActor } from '../../app/stores/sessionStore';
import type { LedgerResult } from '../../data/ledgers';
import type { EventActor } from '../../data/eventTypes';
import { appDb } from '../../data/stationDb';
import type { OneWindowDb } from '../../data/db';

export type Problem = { fields: string[]; message: string } | null;

export function useLedgerWrite() {
  const { t } = useTranslation('ledgers');
  return useCallback(
    async (
      write: (db: OneWindowDb, actor: EventActor) => Promise<LedgerResult>,
    ): Promise<Problem> => {
      const r = await write(appDb(), currentActor());
      if (r.ok) return null;
      const f = r.refusal;
      switch (f.code) {
        case 'invalid':
          return {
            fields: f.fields.map((x) => x.replace(/^(meeting|call)\./, '')),
            message: t('refusal.invalid', {
              fields: f.fields
                .map((x) => t(`field.${x.replace(/^(meeting|call)\./, '')}`))
                .join('、'),
            }),
          };
        case 'unknownCases':
          return {
            fields: ['caseNumbers', 'caseNumber'],
            message: t('refusal.unknownCases', { numbers: f.caseNumbers.join('、') }),
          };
        default:
          return { fields: [], message: t(`refusal.${f.code}`) };
      }
    },
    [t],
  );
}
