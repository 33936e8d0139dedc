// The station's working-day calendar for every screen: read once, live (a save on the calendar
// screen, or in another window of the same station, reaches every deadline shown), and shared
// through a store so that a list of a hundred cases does not open a hundred queries.
import { useEffect } from 'react';
import { create } from 'zustand';
import { useLiveQuery } from 'dexie-react-hooks';
import { calendarFromStored, loadCalendar, type LoadedCalendar } from '../../data/holidayCalendar';
import { appDb } from '../../data/stationDb';
import type { HolidayCalendar } from '../../domain';

interface CalendarState {
  loaded: LoadedCalendar;
  /** False until the station's own calendar has been read (the shipped one is shown till then). */
  ready: boolean;
}

export const useCalendarStore = create<CalendarState>(() => ({
  loaded: calendarFromStored(undefined),
  ready: false,
}));

/** Mounted once, at the top of the app: keeps the store equal to what is stored. */
export function useCalendarFeed(): void {
  const loaded = useLiveQuery(() => loadCalendar(appDb()), []);
  useEffect(() => {
    if (loaded) useCalendarStore.setState({ loaded, ready: true });
  }, [loaded]);
}

export const useCalendar = (): HolidayCalendar => useCalendarStore((s) => s.loaded.calendar);
