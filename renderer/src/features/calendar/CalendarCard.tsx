// On the settings page: which years the working-day calendar has, what is missing, and the way in.
import { Button, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { missingYearAround } from '../../data/holidayCalendar';
import { useRouteStore } from '../../app/stores/routeStore';
import { coveredYears } from '../../domain';
import { useToday } from '../shared/useToday';
import { useCalendar } from '../shared/useCalendar';

export function CalendarCard() {
  const { t } = useTranslation('calendar');
  const calendar = useCalendar();
  const today = useToday();
  const go = useRouteStore((s) => s.go);
  const missing = missingYearAround(calendar, today);
  return (
    <Paper sx={{ p: 3, mb: 3 }} data-testid="calendar-card">
      <Typography variant="h3" component="h2" gutterBottom>
        {t('settingsCard.title')}
      </Typography>
      <Typography gutterBottom>
        {t('settingsCard.body', {
          years: coveredYears(calendar).join(t('listSeparator')),
          missing: missing === null ? '' : t('settingsCard.missing', { year: missing }),
        })}
      </Typography>
      <Button
        variant="outlined"
        onClick={() => go('settings', 'calendar')}
        data-testid="open-calendar"
      >
        {t('settingsCard.open')}
      </Button>
    </Paper>
  );
}
