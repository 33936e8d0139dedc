// On an enrolled counter or desk station: picks up the ratings the hall's rating devices took for
// this station's requests and records them on the cases (data/ratingHall.ts pickUpRatings) —
// every 10 s (the tap comes when the applicant is ready). Mounted once, by the shell; a lone station
// (the local rating store records the tap itself) runs nothing.
import { useEffect } from 'react';
import { pickUpRatings } from '../../data/ratingHall';
import { appDb } from '../../data/stationDb';
import { host } from '../../host';
import { useHallEnrolment } from '../shared/syncStatus';

export const RATING_PICKUP_MS = 10_000;

export function useRatingPickup(): void {
  const clerkStation = useHallEnrolment(
    (s) => s.status?.enrolled === true && (s.status.kind === 'counter' || s.status.kind === 'desk'),
  );
  useEffect(() => {
    if (!clerkStation) return;
    let running = false;
    let stopped = false;
    const run = async () => {
      if (running || stopped) return;
      running = true;
      try {
        await pickUpRatings(appDb(), (a) => host.hallRating(a));
      } catch {
        // The next round tries again; the hall keeps the rating listed until it is recorded.
      } finally {
        running = false;
      }
    };
    void run();
    const timer = setInterval(() => void run(), RATING_PICKUP_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [clerkStation]);
}
