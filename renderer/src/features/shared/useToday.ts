// Today's local date for deadlines, refreshed each minute so a screen left open past midnight
// shows the new day's lights and counts.
import { useEffect, useState } from 'react';
import { toLocalDate } from '../../domain';

export function useToday(): string {
  const [today, setToday] = useState(() => toLocalDate(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setToday(toLocalDate(new Date())), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return today;
}
