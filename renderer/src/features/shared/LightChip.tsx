// The traffic light of a deadline: colour and words together (never colour alone), with the
// working days left; marked as an estimate when counted across a year without holiday data.
import { Box, Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { EstimateMark } from '../calendar/EstimateMark';
import { useCalendar } from './useCalendar';
import { lightColour, lightOf } from '../cases/caseFormat';

export function LightChip({ dueOn, today }: { dueOn: string; today: string }) {
  const { t } = useTranslation(['cases', 'domain']);
  const l = lightOf(dueOn, today, useCalendar());
  if (l.kind === 'none') return null;
  const days =
    l.daysLeft >= 0
      ? t('light.daysLeft', { count: l.daysLeft })
      : t('light.daysOver', { count: -l.daysLeft });
  const chip = (
    <Chip
      size="small"
      color={lightColour[l.light]}
      variant={l.light === 'green' ? 'outlined' : 'filled'}
      data-light={l.light}
      // In narrow columns the words wrap rather than being cut off.
      sx={{ height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
      label={`${t(`light.${l.light}`, { ns: 'domain' })} · ${days}`}
    />
  );
  if (l.estimated.length === 0) return chip;
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center' }}>
      {chip}
      <EstimateMark years={l.estimated} />
    </Box>
  );
}
