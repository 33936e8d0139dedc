// 好差评 on the case page and at the issuance desk: every rating of the case, read-only — a rating
// is the applicant's own, given on the window's rating device, and no clerk's screen can enter
// or change one. A section chief may appeal a rating believed mistaken or malicious (申诉, with a
// reason); the director decides (upheld: kept, left out of the figures; rejected: it stands).
import { useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../app/stores/sessionStore';
import type { AppealOutcome, CaseRating, CaseState, Command } from '../../domain';
import type { RatingFollowUp } from '../../data/followUps';
import { Section } from '../shared/Section';
import { useCommand, useRefusalText } from '../shared/useCommand';
import { AppealLine, RatingAppealDialog, type AppealOpen } from './RatingAppealDialog';

export type RatingNotice = { severity: 'success' | 'error' | 'info'; text: string } | null;

export function CaseRatings({
  state,
  version,
  followUps = [],
  onNotice,
}: {
  state: CaseState;
  version: number;
  followUps?: RatingFollowUp[];
  onNotice?: (n: RatingNotice) => void;
}) {
  const { t } = useTranslation(['rating', 'issuance']);
  const role = useSessionStore((s) => s.user?.role);
  const run = useCommand();
  const refusalText = useRefusalText();
  const [open, setOpen] = useState<AppealOpen>(null);

  const start = (kind: 'appeal' | 'decide', rating: CaseRating) => setOpen({ kind, rating });

  const save = async (reason: string, outcome: AppealOutcome | null): Promise<string | null> => {
    if (!open) return null;
    const command: Command =
      open.kind === 'appeal'
        ? { type: 'appealRating', caseId: state.caseId, ratingId: open.rating.ratingId, reason }
        : {
            type: 'decideRatingAppeal',
            caseId: state.caseId,
            ratingId: open.rating.ratingId,
            outcome: outcome as AppealOutcome,
            reason,
          };
    const r = await run(command, version);
    if (!r.ok) return refusalText(r.refusal);
    setOpen(null);
    onNotice?.({
      severity: 'success',
      text: t(open.kind === 'appeal' ? 'appeal.done' : 'decide.done'),
    });
    return null;
  };

  return (
    <Section id="case-ratings" title={t('section.title')}>
      {state.ratings.length === 0 ? (
        <Typography color="text.secondary" data-testid="ratings-none">
          {t('section.none')}
        </Typography>
      ) : (
        <Box sx={{ display: 'grid', gap: 1.5 }} data-testid="rating-recorded">
          {state.ratings.map((r) => (
            <Box key={r.ratingId} data-testid="rating-entry" data-rating={r.ratingId}>
              <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 600 }} data-testid="rating-line">
                  {t('rating.line', {
                    level: t(`issuance:rating.level.${r.overall}`, {
                      defaultValue: String(r.overall),
                    }),
                    channel: t(`channel.${r.channel}`),
                    on: r.on,
                  })}
                </Typography>
                {role === 'chief' && !r.appeal && (
                  <Button
                    size="small"
                    onClick={() => start('appeal', r)}
                    data-testid="rating-appeal-open"
                  >
                    {t('appeal.open')}
                  </Button>
                )}
                {role === 'director' && r.appeal && !r.appeal.decision && (
                  <Button
                    size="small"
                    onClick={() => start('decide', r)}
                    data-testid="rating-decide-open"
                  >
                    {t('decide.open')}
                  </Button>
                )}
              </Box>
              {r.place && (
                <Typography color="text.secondary">
                  {t('rating.place', { window: r.place.window, clerk: r.place.clerkName })}
                </Typography>
              )}
              {r.reasons && r.reasons.length > 0 && (
                <Typography data-testid="rating-reasons">
                  {t('rating.reasons', {
                    reasons: r.reasons.map((x) => t(`reason.${x}`)).join('、'),
                  })}
                </Typography>
              )}
              {followUps
                .filter((f) => f.ratingId === r.ratingId)
                .map((f) => (
                  <Alert
                    key={f.ratingId}
                    severity="warning"
                    data-testid="rating-followup"
                    sx={{ mt: 0.5 }}
                  >
                    {t('rating.followUp', { due: f.rectifyDueOn })}
                  </Alert>
                ))}
              <AppealLine rating={r} />
            </Box>
          ))}
        </Box>
      )}
      <RatingAppealDialog open={open} onClose={() => setOpen(null)} onSave={save} />
    </Section>
  );
}
