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
