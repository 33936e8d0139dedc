// The traffic light of a deadline: colour and words together (never colour alone), with the
// working days left.
import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { lightColour, lightOf } from './caseFormat';

export function LightChip({ dueOn, today }: { dueOn: string; today: string }) {
  const { t } = useTranslation(['cases', 'domain']);
  const l = lightOf(dueOn, today);
  if (l.kind === 'none') return null;
  if (l.kind === 'noCalendar')
    return (
      <Chip
        size="small"
        color="warning"
        variant="outlined"
        label={t('light.noCalendar', { year: l.year })}
      />
    );
  const days =
    l.daysLeft >= 0
      ? t('light.daysLeft', { count: l.daysLeft })
      : t('light.daysOver', { count: -l.daysLeft });
  return (
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
}
