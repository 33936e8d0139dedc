// 设置: the settings page, or one of its own pages (#/settings/calendar, #/settings/hall).
import { useRouteStore } from '../../app/stores/routeStore';
import { CalendarPage } from '../calendar/CalendarPage';
import { HallSyncPage } from './HallSyncPage';
import { SettingsPage } from './SettingsPage';

export function SettingsArea() {
  const page = useRouteStore((s) => s.route.params[0]);
  if (page === 'calendar') return <CalendarPage />;
  if (page === 'hall') return <HallSyncPage />;
  return <SettingsPage />;
}
