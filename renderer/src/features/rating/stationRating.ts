// The RatingPort of this station's screens (the rating device's page, the clerk's requests): the
// hall's when the station is enrolled, else its own IndexedDB (data/ratingHall.ts ratingPortFor).
// One per window.
import { ratingPortFor } from '../../data/ratingHall';
import { appDb } from '../../data/stationDb';
import type { RatingPort } from '../../domain/floor/rating';
import { host } from '../../host';

let port: Promise<RatingPort> | null = null;

export function stationRatingPort(): Promise<RatingPort> {
  port ??= ratingPortFor(appDb(), host);
  return port;
}
