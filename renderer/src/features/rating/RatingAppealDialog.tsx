// The appeal of a rating (申诉, section chief) and its decision (裁定, director): one dialog for a
// case's rating (the case page, CaseRatings.tsx) and for the rating of a ticket served without a
// case (the supervision ledger's follow-up row). The caller records it and says what went wrong.
import { useEffect, useState } from 'react';
import {
  Alert,
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
import type { AppealOutcome, CaseRating } from '../../domain';

export type AppealOpen = { kind: 'appeal' | 'decide'; rating: CaseRating } | null;

/** The appeal of a rating and, once decided, its decision, in words. */
export function AppealLine({ rating }: { rating: CaseRating }) {
  const { t } = useTranslation('rating');
  const a = rating.appeal;
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
      {/* Decided: the appeal in the past tense on its own line, the decision below it. */}
      {d && (
        <Typography component="div" sx={{ fontSize: '0.9rem', mb: 0.5 }}>
          {t('appeal.made', { by: a.by.name, on: a.on, reason: a.reason })}
        </Typography>
      )}
      <Typography component="div" sx={{ fontSize: '0.9rem', fontWeight: d ? 500 : undefined }}>
        {t(key, { by: src.by.name, on: src.on, reason: src.reason })}
      </Typography>
    </Alert>
  );
}

export function RatingAppealDialog({
  open,
  onClose,
  onSave,
}: {
  open: AppealOpen;
  onClose: () => void;
  /** Records the appeal or decision; the refusal's words, or null when it was recorded. */
  onSave: (reason: string, outcome: AppealOutcome | null) => Promise<string | null>;
}) {
  const { t } = useTranslation(['rating', 'issuance']);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<AppealOutcome | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReason('');
    setOutcome('');
    setError(null);
  }, [open]);

  const save = async () => {
    if (!open) return;
    if (open.kind === 'decide' && !outcome) return setError(t('decide.outcomeRequired'));
    setBusy(true);
    const failed = await onSave(reason, outcome || null);
    setBusy(false);
    if (failed) setError(failed);
  };

  return (
    <Dialog open={open !== null} onClose={onClose} fullWidth maxWidth="sm">
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
                <AppealLine rating={open.rating} />
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
            <Button onClick={onClose}>{t('cancel')}</Button>
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
  );
}
