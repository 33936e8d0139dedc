// 好差评 on the case page and at the issuance desk: every rating of the case, read-only — a rating
// is the applicant's own, given on the window's rating device, and no clerk's screen can enter
// or change one. A section chief may appeal a rating believed mistaken or malicious (申诉, with a
// reason); the director decides (upheld: kept, left out of the figures; rejected: it stands).
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../app/stores/sessionStore';
import type { AppealOutcome, CaseRating, CaseState, Command } from '../../domain';
import type { RatingFollowUp } from '../../data/followUps';
import { Section } from '../shared/Section';
import { useCommand, useRefusalText } from '../shared/useCommand';

type Open = { kind: 'appeal' | 'decide'; rating: CaseRating } | null;
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
  const [open, setOpen] = useState<Open>(null);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<AppealOutcome | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = (kind: 'appeal' | 'decide', rating: CaseRating) => {
    setOpen({ kind, rating });
    setReason('');
    setOutcome('');
    setError(null);
  };

  const save = async () => {
    if (!open) return;
    if (open.kind === 'decide' && !outcome) return setError(t('decide.outcomeRequired'));
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
    setBusy(true);
    const r = await run(command, version);
    setBusy(false);
    if (!r.ok) return setError(refusalText(r.refusal));
    setOpen(null);
    onNotice?.({
      severity: 'success',
      text: t(open.kind === 'appeal' ? 'appeal.done' : 'decide.done'),
    });
  };

  const appealLine = (r: CaseRating) => {
    const a = r.appeal;
    if (!a) return null;
    const d = a.decision;
    const key = d ? `appeal.${d.outcome}` : 'appeal.pending';
    const src = d ?? a;
    return (
      <Alert
        severity={d?.outcome === 'upheld' ? 'success' : d ? 'info' : 'warning'}
        data-testid="rating-appeal"
        sx={{ mt: 0.5 }}
      >
        {d && (
          <Typography component="div" sx={{ fontSize: '0.9rem' }}>
            {t('appeal.pending', { by: a.by.name, on: a.on, reason: a.reason })}
          </Typography>
        )}
        {t(key, { by: src.by.name, on: src.on, reason: src.reason })}
      </Alert>
    );
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
              {appealLine(r)}
            </Box>
          ))}
        </Box>
      )}
      <Dialog open={open !== null} onClose={() => setOpen(null)} fullWidth maxWidth="sm">
        {open && (
          <>
            <DialogTitle>{t(open.kind === 'appeal' ? 'appeal.title' : 'decide.title')}</DialogTitle>
            <DialogContent sx={{ display: 'grid', gap: 2 }}>
              <Typography>
                {t('rating.line', {
                  level: t(`issuance:rating.level.${open.rating.overall}`),
                  channel: t(`channel.${open.rating.channel}`),
                  on: open.rating.on,
                })}
              </Typography>
              {open.kind === 'appeal' ? (
                <Typography color="text.secondary">{t('appeal.intro')}</Typography>
              ) : (
                <>
                  {appealLine(open.rating)}
                  <RadioGroup
                    aria-label={t('decide.outcome')}
                    value={outcome}
                    onChange={(e) => setOutcome(e.target.value as AppealOutcome)}
                  >
                    {(['upheld', 'rejected'] as const).map((o) => (
                      <FormControlLabel
                        key={o}
                        value={o}
                        control={
                          <Radio
                            slotProps={{
                              input: { 'data-testid': `appeal-outcome-${o}` } as object,
                            }}
                          />
                        }
                        label={t(`outcome.${o}`)}
                      />
                    ))}
                  </RadioGroup>
                </>
              )}
              <TextField
                label={t(open.kind === 'appeal' ? 'appeal.reason' : 'decide.reason')}
                multiline
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'appeal-reason' } }}
              />
              {error && (
                <Alert severity="error" role="alert" data-testid="appeal-error">
                  {error}
                </Alert>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setOpen(null)}>{t('cancel')}</Button>
              <Button
                variant="contained"
                disabled={busy}
                onClick={() => void save()}
                data-testid="appeal-submit"
              >
                {t(open.kind === 'appeal' ? 'appeal.submit' : 'decide.submit')}
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </Section>
  );
}
