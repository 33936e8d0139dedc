// The hall floor's device pages (#/floor/<page>/…), shown outside the clerk's sign-in: none of
// them shows a case or personal data. A station enrolled as a floor device (hall.status kind
// kiosk / display / rating) starts straight into its page and cannot leave it.
import type { ReactNode } from 'react';
import type { FloorDeviceKind } from '../../domain/floor/types';
import { KioskPage } from './KioskPage';
import { DisplayPage } from './DisplayPage';
import { FloorRatingRoute } from './FloorRatingRoute';

/** The route table: page name → what it shows, given the rest of the path. */
export const floorPages: Partial<Record<FloorDeviceKind, (params: string[]) => ReactNode>> = {
  kiosk: () => <KioskPage />,
  display: () => <DisplayPage />,
  // The rating device at one window: #/floor/rating/<window> (the counter station's code).
  rating: (params) => <FloorRatingRoute window={params[0]} />,
};

export interface FloorRoute {
  page: string;
  params: string[];
}

/** '#/floor/rating/HJ02' → { page: 'rating', params: ['HJ02'] }; anything else → null. */
export function parseFloorHash(hash: string): FloorRoute | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'floor') return null;
  let decoded: string[];
  try {
    decoded = parts.slice(1).map(decodeURIComponent);
  } catch {
    return { page: '', params: [] };
  }
  const [page = '', ...params] = decoded;
  return { page, params };
}

export const floorHash = (page: FloorDeviceKind, ...params: string[]) =>
  `#/${['floor', page, ...params].map(encodeURIComponent).join('/')}`;

/** The floor device kinds a station can be enrolled as (server/protocol stationKindSchema). */
export const FLOOR_DEVICE_KINDS: readonly FloorDeviceKind[] = ['kiosk', 'display', 'rating'];

export const isFloorDeviceKind = (k: string | null | undefined): k is FloorDeviceKind =>
  (FLOOR_DEVICE_KINDS as readonly string[]).includes(k ?? '');

/**
 * Where an enrolled device must be: its own page, keeping the rest of the path it was given
 * (a rating device's window); any other route is replaced by it.
 */
export function lockedRoute(kind: FloorDeviceKind, current: FloorRoute | null): FloorRoute {
  if (current && current.page === kind) return current;
  return { page: kind, params: [] };
}
