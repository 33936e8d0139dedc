// The appeal of a ticket's rating (申诉, section chief) and its decision (裁定, director) from a
// screen with no case page — 台账 › 取号评价 (every ticket rating) and 每周督办 (the follow-up of a
// bad one). Recorded by the stored user's role (data/ticketRatings.ts appealTicketRating); the
// dialog (RatingAppealDialog) is the case page's, so the rules and words are a case's.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appDb } from '../../data/stationDb';
import { appealTicketRating } from '../../data/ticketRatings';
import { currentActor } from '../../app/stores/sessionStore';
import type { AppealOutcome } from '../../domain';
import { useRefusalText } from '../shared/useCommand';
import type { AppealOpen } from './RatingAppealDialog';

export function useTicketAppeal(onDone?: (kind: 'appeal' | 'decide') => void) {
  const { t } = useTranslation('rating');
  const refusalText = useRefusalText();
  const [appealing, setAppealing] = useState<AppealOpen>(null);
  /** Records it; the refusal's words, or null when it was recorded (the dialog closes). */
  const save = async (reason: string, outcome: AppealOutcome | null): Promise<string | null> => {
    if (!appealing) return null;
    const ratingId = appealing.rating.ratingId;
    const r = await appealTicketRating(
      appDb(),
      appealing.kind === 'appeal'
        ? { type: 'appealRating', ratingId, reason }
        : { type: 'decideRatingAppeal', ratingId, outcome: outcome ?? 'rejected', reason },
      currentActor().id,
    );
    if (!r.ok) return r.refusal.code === 'no_user' ? t('ledger.noUser') : refusalText(r.refusal);
    setAppealing(null);
    onDone?.(appealing.kind);
    return null;
  };
  return { appealing, setAppealing, save };
}
