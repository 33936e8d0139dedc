// 设置: the settings page, or one of its own pages (#/settings/calendar).
import { useRouteStore } from '../../app/stores/routeStore';
import { CalendarPage } from '../calendar/CalendarPage';
import { SettingsPage } from './SettingsPage';

export function SettingsArea() {
  const page = useRouteStore((s) => s.route.params[0]);
  return page === 'calendar' ? <CalendarPage /> : <SettingsPage />;
}
