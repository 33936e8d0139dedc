// The mark beside a date counted across a year the working-day calendar has no holidays for: the
// date is an estimate (weekdays only) until an administrator enters that year. Words, not only a
// colour; the description says who can fix it and where.
import { Chip, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';

export function EstimateMark({ years }: { years: readonly number[] }) {
  const { t } = useTranslation('calendar');
  if (years.length === 0) return null;
  const list = years.join('、');
  return (
    <Tooltip title={t('estimate.explain', { years: list })} describeChild>
      <Chip
        size="small"
        variant="outlined"
        color="warning"
        label={t('estimate.label')}
        data-estimate={list}
        tabIndex={0}
        sx={{ fontWeight: 600 }}
      />
    </Tooltip>
  );
}
