// 设置: the settings page, or one of its own pages (#/settings/calendar, #/settings/hall, #/settings/numbers).
import { useRouteStore } from '../../app/stores/routeStore';
import { CalendarPage } from '../calendar/CalendarPage';
import { HallSyncPage } from './HallSyncPage';
import { NumberRegisterPage } from './NumberRegisterPage';
import { SettingsPage } from './SettingsPage';

export function SettingsArea() {
  const page = useRouteStore((s) => s.route.params[0]);
  if (page === 'calendar') return <CalendarPage />;
  if (page === 'hall') return <HallSyncPage />;
  if (page === 'numbers') return <NumberRegisterPage />;
  return <SettingsPage />;
}
