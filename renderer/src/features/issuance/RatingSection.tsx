// 好差评 at delivery: five levels for the four counter items (overall, efficiency, service
// level, attitude) and a comment. A bad overall rating (1–2) opens a follow-up in the ledger:
// a return call, and rectification within 15 working days.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { EstimateMark } from '../calendar/EstimateMark';
import { useCalendar } from '../shared/useCalendar';
import { missingYears } from '../../domain';
import type { CaseState, RatingLevel } from '../../domain';
import { recordRating, type RatingFollowUp } from '../../data/followUps';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/stores/sessionStore';
import { isRole } from '../../domain';
import { useRefusalText } from '../shared/useCommand';
import { Section } from '../shared/Section';
import type { Notice } from './notice';

const ITEMS = ['overall', 'efficiency', 'serviceLevel', 'attitude'] as const;
type Item = (typeof ITEMS)[number];
const LEVELS: RatingLevel[] = [5, 4, 3, 2, 1];

export function RatingSection({
  state,
  version,
  followUps,
  onNotice,
}: {
  state: CaseState;
  version: number;
  followUps: RatingFollowUp[];
  onNotice: (n: Notice) => void;
}) {
  const { t } = useTranslation('issuance');
  const calendar = useCalendar();
  const refusalText = useRefusalText();
  const [levels, setLevels] = useState<Partial<Record<Item, RatingLevel>>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const rated = state.ratings.filter((r) => r.channel === 'counter');

  const submit = async () => {
    const { overall, efficiency, serviceLevel, attitude } = levels;
    if (!overall || !efficiency || !serviceLevel || !attitude) {
      onNotice({ severity: 'error', text: t('rating.incomplete') });
      return;
    }
    const actor = currentActor();
    if (!isRole(actor.role)) return;
    setBusy(true);
    const r = await recordRating(
      appDb(),
      {
        type: 'ratingRecorded',
        caseId: state.caseId,
        ratingId: crypto.randomUUID(),
        channel: 'counter',
        overall,
        items: { efficiency, serviceLevel, attitude },
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      },
      { actor: { id: actor.id, name: actor.name, role: actor.role }, expectedVersion: version },
    );
    setBusy(false);
    if (!r.ok) onNotice({ severity: 'error', text: refusalText(r.refusal) });
    else
      onNotice({
        severity: 'success',
        text: r.followUpId ? t('rating.doneBad') : t('rating.done'),
      });
  };

  return (
    <Section id="issuance-rating" title={t('rating.title')}>
      {rated.length > 0 ? (
        <Box sx={{ display: 'grid', gap: 1 }} data-testid="rating-recorded">
          {rated.map((r) => (
            <Typography key={r.ratingId}>
              {t('rating.recorded', { level: t(`rating.level.${r.overall}`), on: r.on })}
            </Typography>
          ))}
          {followUps.map((f) => (
            <Alert key={f.ratingId} severity="warning" data-testid="rating-followup">
              {t('rating.followUp', { due: f.rectifyDueOn })}
              {f.dueEstimated && (
                <EstimateMark years={missingYears(f.ratedOn, f.rectifyDueOn, calendar)} />
              )}
            </Alert>
          ))}
        </Box>
      ) : (
        <Box
          component="form"
          sx={{ display: 'grid', gap: 2 }}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {ITEMS.map((item) => (
            <FormControl key={item}>
              <FormLabel id={`rating-${item}`}>{t(`rating.item.${item}`)}</FormLabel>
              <RadioGroup
                row
                aria-labelledby={`rating-${item}`}
                value={levels[item] ?? ''}
                onChange={(e) =>
                  setLevels({ ...levels, [item]: Number(e.target.value) as RatingLevel })
                }
              >
                {LEVELS.map((l) => (
                  <FormControlLabel
                    key={l}
                    value={l}
                    control={
                      <Radio
                        slotProps={{ input: { 'data-testid': `rating-${item}-${l}` } as object }}
                      />
                    }
                    label={t(`rating.level.${l}`)}
                  />
                ))}
              </RadioGroup>
            </FormControl>
          ))}
          <TextField
            label={t('rating.comment')}
            multiline
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'rating-comment' } }}
          />
          <Box>
            <Button type="submit" variant="contained" disabled={busy} data-testid="rating-submit">
              {t('rating.submit')}
            </Button>
          </Box>
        </Box>
      )}
    </Section>
  );
}
