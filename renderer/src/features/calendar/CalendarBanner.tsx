// The warning at sign-in that the calendar is about to run out: from 1 November while next year's
// holidays are missing (and at any time for the current year), for those who can act on it or
// must know — the administrator, the director and the section chiefs. It opens the calendar.
import { Alert, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { missingYearAround } from '../../data/holidayCalendar';
import { useRouteStore } from '../../app/stores/routeStore';
import { useSessionStore } from '../../app/stores/sessionStore';
import { useToday } from '../shared/useToday';
import { useCalendarStore } from '../shared/useCalendar';

const WARNED_ROLES: readonly string[] = ['admin', 'director', 'chief'];

/** Dismissed for one sign-in: a new sign-in (of anyone) shows it again. */
const useDismissed = create<{ userId: string | null }>(() => ({ userId: null }));

export function CalendarBanner() {
  const { t } = useTranslation('calendar');
  const user = useSessionStore((s) => s.user);
  const { loaded, ready } = useCalendarStore();
  const today = useToday();
  const go = useRouteStore((s) => s.go);
  const route = useRouteStore((s) => s.route);
  const dismissed = useDismissed((s) => s.userId);
  if (!ready || !user || !WARNED_ROLES.includes(user.role) || dismissed === user.id) return null;
  const year = missingYearAround(loaded.calendar, today);
  if (year === null) return null;
  const onCalendar = route.area === 'settings' && route.params[0] === 'calendar';
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid="calendar-banner"
      action={
        <>
          {!onCalendar && (
            <Button
              color="inherit"
              sx={{ whiteSpace: 'nowrap' }}
              onClick={() => go('settings', 'calendar')}
              data-testid="calendar-banner-open"
            >
              {t('banner.open')}
            </Button>
          )}
          <Button
            color="inherit"
            sx={{ whiteSpace: 'nowrap' }}
            onClick={() => useDismissed.setState({ userId: user.id })}
          >
            {t('banner.close')}
          </Button>
        </>
      }
    >
      {t('banner.missing', { year })}
    </Alert>
  );
}
